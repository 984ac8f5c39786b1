package com.helloword.aftersales.incident;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentOptionRepository extends JpaRepository<IncidentOption, Long> {

    List<IncidentOption> findByIncidentIdOrderByOptionNo(Long incidentId);
}
