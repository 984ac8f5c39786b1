package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ParcelRegistrationRepository extends JpaRepository<ParcelRegistration, Long> {

    Optional<ParcelRegistration> findByOrderId(Long orderId);

    /** Shipped, undelivered orders with a tracking number and no registration yet (their ids). */
    @Query("select o.id from SalesOrder o where o.trackingNumber is not null and o.trackingNumber <> ''"
            + " and o.status = com.helloword.aftersales.casefile.OrderStatus.SHIPPED and o.deliveredAt is null"
            + " and not exists (select r.id from ParcelRegistration r where r.orderId = o.id) order by o.id")
    List<Long> unregisteredShippedOrders(Pageable page);

    /** Rows to (re)send to the tracking service: new ones and rejected ones whose retry is due. */
    @Query("select r from ParcelRegistration r where r.status <> com.helloword.aftersales.incident.ParcelRegistration.Status.REGISTERED"
            + " and r.nextAttemptAt <= :now order by r.id")
    List<ParcelRegistration> dueForRegistration(Instant now, Pageable page);

    /**
     * Registered parcels of undelivered orders whose last news (scan, else shipping) is older than {@code quietSince}
     * and that nobody polled since then nor holds a claim on: the polling fallback's candidates (their ids).
     */
    @Query("select r.id from ParcelRegistration r, SalesOrder o where o.id = r.orderId"
            + " and r.status = com.helloword.aftersales.incident.ParcelRegistration.Status.REGISTERED"
            + " and o.deliveredAt is null and o.status = com.helloword.aftersales.casefile.OrderStatus.SHIPPED"
            + " and coalesce(o.lastScanAt, o.shippedAt, r.registeredAt) < :quietSince"
            + " and (r.lastPolledAt is null or r.lastPolledAt < :quietSince)"
            + " and (r.pollClaimedUntil is null or r.pollClaimedUntil < :now) order by r.id")
    List<Long> dueForPolling(Instant quietSince, Instant now, Pageable page);

    /** Takes the poll of one parcel for this node until {@code until}; 1 when this node got it, 0 when another has. */
    @Modifying
    @Query("update ParcelRegistration r set r.pollClaimedUntil = :until where r.id = :id"
            + " and (r.pollClaimedUntil is null or r.pollClaimedUntil < :now)")
    int claimPoll(Long id, Instant now, Instant until);

    /** The poll is done: when, and the claim given back. */
    @Modifying
    @Query("update ParcelRegistration r set r.lastPolledAt = :at, r.pollClaimedUntil = null where r.id = :id")
    int polled(Long id, Instant at);
}
