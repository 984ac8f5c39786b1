package com.helloword.aftersales.carrier;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TrackingEventRepository extends JpaRepository<TrackingEvent, Long> {

    List<TrackingEvent> findByOrderIdOrderByOccurredAtAsc(Long orderId);

    boolean existsByOrderIdAndEventKey(Long orderId, String eventKey);
}
