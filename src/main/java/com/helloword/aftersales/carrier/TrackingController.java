package com.helloword.aftersales.carrier;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;

/** The scans of an order's parcel, oldest first, with the proof-of-delivery signer and link where known. */
@RestController
class TrackingController {

    record ScanView(Instant occurredAt, TrackingStatus status, String subStatus, String description, String location,
            String signer, String proofUrl, String carrier, String source) {
    }

    private final SalesOrderRepository orders;
    private final TrackingEventRepository events;

    TrackingController(SalesOrderRepository orders, TrackingEventRepository events) {
        this.orders = orders;
        this.events = events;
    }

    @GetMapping("/api/orders/{storeId}/{platformOrderId}/tracking")
    @Transactional(readOnly = true)
    List<ScanView> scans(@PathVariable String storeId, @PathVariable String platformOrderId) {
        SalesOrder order = orders.findWithLines(storeId, platformOrderId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No order " + platformOrderId + " in store " + storeId));
        return events.findByOrderIdOrderByOccurredAtAsc(order.getId()).stream()
                .map(e -> new ScanView(e.getOccurredAt(), e.getStatus(), e.getSubStatus(), e.getDescription(),
                        e.getLocation(), e.getSigner(), e.getProofUrl(), e.getCarrier(), e.getSource()))
                .toList();
    }
}
