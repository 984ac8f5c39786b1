package com.helloword.aftersales.carrier;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;

/**
 * Stores what a tracking service reports on the orders shipped under that tracking number: new
 * scans only (a scan reported again is recognised by its content), the latest status and scan time
 * on the order, and delivery as the order's delivered time.
 */
@Service
public class TrackingRecorder {

    private final SalesOrderRepository orders;
    private final TrackingEventRepository events;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    TrackingRecorder(SalesOrderRepository orders, TrackingEventRepository events, Clock clock,
            ApplicationEventPublisher publisher) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Returns a short account of what was stored, for the webhook log. */
    @Transactional
    public String record(TrackingPort.TrackingSnapshot snapshot, String source) {
        Instant latestScan = snapshot.events().stream().map(TrackingPort.TrackedEvent::occurredAt)
                .max(Comparator.naturalOrder()).orElse(clock.instant());
        String latestText = snapshot.events().stream().max(Comparator.comparing(TrackingPort.TrackedEvent::occurredAt))
                .map(TrackingPort.TrackedEvent::description).orElse(null);
        publisher.publishEvent(new ParcelScanned(snapshot.trackingNumber(), snapshot.carrier(), snapshot.status(),
                latestScan, latestText, snapshot.subStatus()));
        List<SalesOrder> shipped = orders.findByTrackingNumber(snapshot.trackingNumber());
        if (shipped.isEmpty()) {
            return "no order ships under " + snapshot.trackingNumber();
        }
        int stored = 0;
        List<TrackingPort.TrackedEvent> inOrder = snapshot.events().stream()
                .sorted(Comparator.comparing(TrackingPort.TrackedEvent::occurredAt)).toList();
        for (SalesOrder order : shipped) {
            for (TrackingPort.TrackedEvent event : inOrder) {
                String key = key(event);
                if (!events.existsByOrderIdAndEventKey(order.getId(), key)) {
                    events.save(new TrackingEvent(order.getId(), snapshot.trackingNumber(), snapshot.carrier(), event,
                            source, key, clock.instant()));
                    stored++;
                }
            }
            if (!inOrder.isEmpty()) {
                TrackingPort.TrackedEvent latest = inOrder.get(inOrder.size() - 1);
                order.recordScan(snapshot.status().name(), latest.occurredAt(),
                        snapshot.status() == TrackingStatus.DELIVERED);
            }
        }
        return stored + " new scan(s) on " + shipped.size() + " order(s), now " + snapshot.status();
    }

    private static String key(TrackingPort.TrackedEvent event) {
        String identity = event.occurredAt().getEpochSecond() + "|" + event.status() + "|" + event.description()
                + "|" + event.location();
        return WebhookSignatures.sha256Hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }
}
