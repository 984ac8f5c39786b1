package com.helloword.aftersales.dispute;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeEventRepository extends JpaRepository<DisputeEvent, Long> {

    List<DisputeEvent> findByDisputeIdOrderByAtAscIdAsc(Long disputeId);
}
