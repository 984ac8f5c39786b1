package com.helloword.aftersales.incident;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShipmentIncidentRepository extends JpaRepository<ShipmentIncident, Long> {

    Optional<ShipmentIncident> findByKey(String key);
}
