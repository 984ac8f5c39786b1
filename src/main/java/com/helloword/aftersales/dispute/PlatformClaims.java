package com.helloword.aftersales.dispute;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.platform.PlatformClaimNotice;

/**
 * Platform claims, from every source ({@link PlatformClaimNotice}: PayPal and Shopify webhooks, the eBay feed,
 * Amazon's notification mail), into arbitration. A claim seen before updates its record (a new status, an earlier
 * respond-by date that moves the timers, and when the platform closed every claim of the dispute, the dispute ends
 * as closed by the platform); a new open claim opens a dispute about its order or joins the order's open one. The
 * order is found by store and order id, else by the payment's reference (PayPal names the transaction), else by the
 * order id in every store when exactly one has it. Runs in the delivery's transaction: a failure makes the platform
 * deliver again.
 */
@Component
class PlatformClaims {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClaims.class);

    private final DisputeService service;
    private final DisputeRepository disputes;
    private final DisputeClaimRepository claims;
    private final DisputeEventRepository events;
    private final SalesOrderRepository orders;
    private final Clock clock;

    PlatformClaims(DisputeService service, DisputeRepository disputes, DisputeClaimRepository claims,
            DisputeEventRepository events, SalesOrderRepository orders, Clock clock) {
        this.service = service;
        this.disputes = disputes;
        this.claims = claims;
        this.events = events;
        this.orders = orders;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(PlatformClaimNotice notice) {
        Optional<DisputeClaim> known = claims.findBySourceAndClaimId(notice.source(), notice.claimId());
        if (known.isPresent()) {
            Dispute dispute = disputes.lockById(known.get().getDisputeId()).orElseThrow();
            service.recordClaim(dispute, DisputeService.ClaimFacts.of(notice));
            events.save(new DisputeEvent(dispute.getId(), clock.instant(), "CLAIM_UPDATED", "platform:"
                    + notice.source(), notice.claimId() + ": " + notice.status() + (notice.closed() ? " (closed)" : "")));
            if (notice.closed()) {
                claims.flush();
                service.closedByPlatform(dispute);
            }
            return;
        }
        if (notice.closed()) {
            LOG.info("{} claim {} is closed and was never seen open; nothing to arbitrate", notice.source(),
                    notice.claimId());
            return;
        }
        Optional<SalesOrder> order = orderOf(notice);
        if (order.isEmpty()) {
            LOG.warn("{} claim {} names no order this system knows (store {}, order {}, payment {}); not arbitrated"
                    + " until the order is imported and the platform sends the claim again", notice.source(),
                    notice.claimId(), notice.storeId(), notice.platformOrderId(), notice.paymentReference());
            return;
        }
        SalesOrder o = order.get();
        service.open(new DisputeService.OpenDispute(o.getStore().getId(), o.getPlatformOrderId(), notice.claimType(),
                notice.source() + " claim " + notice.claimId() + (notice.platformReason() == null ? ""
                        : " (" + notice.platformReason() + ")"), notice.source(), null,
                DisputeService.ClaimFacts.of(notice)), "platform:" + notice.source().toLowerCase(java.util.Locale.ROOT));
    }

    private Optional<SalesOrder> orderOf(PlatformClaimNotice notice) {
        if (notice.storeId() != null && notice.platformOrderId() != null) {
            Optional<SalesOrder> order = orders.findWithLines(notice.storeId(), notice.platformOrderId());
            if (order.isPresent()) {
                return order;
            }
        }
        if (notice.paymentReference() != null && !notice.paymentReference().isBlank()) {
            List<SalesOrder> paid = orders.findByPaymentReference(notice.paymentReference());
            if (paid.size() == 1) {
                return Optional.of(paid.get(0));
            }
        }
        if (notice.platformOrderId() != null && notice.storeId() == null) {
            List<SalesOrder> named = orders.findAllWithLines(notice.platformOrderId());
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
        }
        return Optional.empty();
    }
}
