package com.helloword.aftersales.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.carrier.TrackingPort;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * Keeps the tracking service informed and its news current: shipped orders' tracking numbers are registered
 * (rejections recorded with the reason and sent again after {@code registration-retry}), and a registered parcel
 * whose push went quiet for {@code poll-after} is asked for and recorded as a poll ({@code 17track-poll}). Both
 * are safe on several nodes: a registration row is unique per order (a second node's insert fails and its sweep
 * is retried; registering twice is accepted by 17TRACK), and a poll is claimed by a conditional UPDATE first.
 * The calls to the tracking service run outside any transaction.
 */
@Service
class ParcelTracking {

    static final String POLL_SOURCE = "17track-poll";
    private static final Logger LOG = LoggerFactory.getLogger(ParcelTracking.class);

    private final ParcelRegistrationRepository registrations;
    private final SalesOrderRepository orders;
    private final TrackingPort tracking;
    private final TrackingRecorder recorder;
    private final TransactionTemplate transactions;
    private final ParcelWatchSettings settings;
    private final Clock clock;

    ParcelTracking(ParcelRegistrationRepository registrations, SalesOrderRepository orders, TrackingPort tracking,
            TrackingRecorder recorder, TransactionTemplate transactions, ParcelWatchSettings settings, Clock clock) {
        this.registrations = registrations;
        this.orders = orders;
        this.tracking = tracking;
        this.recorder = recorder;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a registration sweep did. */
    record Registered(int enrolled, int accepted, int rejected) {
    }

    /** Enrols shipped orders not registered yet and sends the due registrations; returns the counts. */
    Registered registerDue() {
        Instant now = clock.instant();
        int enrolled = transactions.execute(status -> {
            List<Long> ids = registrations.unregisteredShippedOrders(PageRequest.of(0, settings.registrationBatch()));
            for (SalesOrder order : orders.findAllById(ids)) {
                registrations.save(new ParcelRegistration(order.getId(), order.getTrackingNumber().strip(),
                        order.getCarrier(), now));
            }
            return ids.size();
        });
        List<ParcelRegistration> due = transactions.execute(status -> registrations.dueForRegistration(now,
                PageRequest.of(0, settings.registrationBatch())));
        if (due.isEmpty()) {
            return new Registered(enrolled, 0, 0);
        }
        TrackingPort.Registration answer;
        try {
            answer = tracking.register(due.stream().map(r -> new TrackingPort.Parcel(r.getTrackingNumber(),
                    r.getCarrier(), "order-" + r.getOrderId())).toList());
        } catch (ProviderFailure failure) {
            LOG.warn("Registering {} parcel(s) failed, next sweep tries again: {}", due.size(), failure.getMessage());
            return new Registered(enrolled, 0, 0);
        }
        Set<String> accepted = new HashSet<>(answer.accepted());
        Map<String, String> rejected = new HashMap<>();
        answer.rejected().forEach(r -> rejected.put(r.trackingNumber(), r.reason()));
        return transactions.execute(status -> {
            int ok = 0;
            int refused = 0;
            for (ParcelRegistration r : registrations.findAllById(due.stream().map(ParcelRegistration::getId)
                    .toList())) {
                if (accepted.contains(r.getTrackingNumber())) {
                    r.registered(now);
                    ok++;
                } else {
                    r.rejected(rejected.getOrDefault(r.getTrackingNumber(), "not in the tracking service's answer"),
                            now.plus(settings.registrationRetry()));
                    refused++;
                }
            }
            return new Registered(enrolled, ok, refused);
        });
    }

    /** Polls the registered parcels whose push went quiet; returns how many were polled by this node. */
    int pollDue() {
        Instant now = clock.instant();
        List<Long> due = transactions.execute(status -> registrations.dueForPolling(now.minus(settings.pollAfter()),
                now, PageRequest.of(0, settings.pollBatch())));
        int polled = 0;
        for (Long id : due) {
            Boolean mine = transactions.execute(status -> registrations.claimPoll(id, now,
                    now.plus(settings.pollClaim())) == 1);
            if (!Boolean.TRUE.equals(mine)) {
                continue; // another node polls it
            }
            ParcelRegistration r = transactions.execute(status -> registrations.findById(id).orElseThrow());
            try {
                TrackingPort.TrackingSnapshot snapshot = tracking.track(new TrackingPort.Parcel(r.getTrackingNumber(),
                        r.getCarrier(), "order-" + r.getOrderId()));
                LOG.info("Polled {}: {}", r.getTrackingNumber(), recorder.record(snapshot, POLL_SOURCE));
                polled++;
            } catch (ProviderFailure failure) {
                LOG.warn("Polling {} failed, tried again after {}: {}", r.getTrackingNumber(), settings.pollAfter(),
                        failure.getMessage());
            }
            transactions.executeWithoutResult(status -> registrations.polled(id, now));
        }
        return polled;
    }
}
