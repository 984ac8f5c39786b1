package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ParcelWatchRepository extends JpaRepository<ParcelWatch, Long> {

    boolean existsByOrderIdAndKindAndSilenceStartedAt(Long orderId, ParcelWatch.Kind kind, Instant silenceStartedAt);

    /** The open watches of the orders shipped under this tracking number. */
    @Query("select w from ParcelWatch w where w.trackingNumber = :trackingNumber"
            + " and w.watchState = com.helloword.aftersales.incident.ParcelWatch.State.OPEN order by w.id")
    List<ParcelWatch> findOpenByTrackingNumber(String trackingNumber);

    List<ParcelWatch> findByOrderIdOrderByIdAsc(Long orderId);

    List<ParcelWatch> findTop200ByWatchStateOrderByOpenedAtDesc(ParcelWatch.State state);

    List<ParcelWatch> findTop200ByOrderByOpenedAtDesc();

    /**
     * Registered parcels of undelivered orders whose last news (scan, else shipping) is older than {@code quietSince}
     * and that have no open watch (an open exception watch has told the buyer already) and no watch of this
     * silence, unless the check asked about this silence already and is not due again: the quiet check's
     * candidates (order ids).
     */
    @Query("select o.id from SalesOrder o, ParcelRegistration r where r.orderId = o.id"
            + " and r.status = com.helloword.aftersales.incident.ParcelRegistration.Status.REGISTERED"
            + " and o.deliveredAt is null and o.status = com.helloword.aftersales.casefile.OrderStatus.SHIPPED"
            + " and coalesce(o.lastScanAt, o.shippedAt) < :quietSince"
            + " and not exists (select w.id from ParcelWatch w where w.openOrderId = o.id)"
            + " and not exists (select w.id from ParcelWatch w where w.orderId = o.id"
            + " and w.kind = com.helloword.aftersales.incident.ParcelWatch.Kind.QUIET"
            + " and w.silenceStartedAt = coalesce(o.lastScanAt, o.shippedAt))"
            + " and (r.quietCheckSilence is null or r.quietCheckSilence <> coalesce(o.lastScanAt, o.shippedAt)"
            + " or r.quietCheckDue <= :now) order by o.id")
    List<Long> quietCandidates(Instant quietSince, Instant now, Pageable page);
}
