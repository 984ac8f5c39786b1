package com.helloword.aftersales.casework.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.CurrencyDigits;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.platform.MarketplacePort;
import com.helloword.aftersales.returns.api.CaseReturns;
import com.helloword.aftersales.security.Groups;

/**
 * Carries out an approved remedy: money back through the store's marketplace (idempotency key =
 * case + remedy, so a retried step refunds once), a coupon code for coupons and goodwill, a return
 * (returnProcess) for return-and-refund and free exchange, and for a reship a step for the warehouse. Where the platform has no API for it (an
 * Amazon refund), the agent's team gets a step with the platform's own instructions instead. A step left for
 * people leaves the remedy {@code BY_HAND} and the case {@code REMEDY_PENDING} until they report it done.
 */
@Service
public class RemedyExecution {

    /**
     * What is left after the automatic part: work for people (who, and what to do; null group = none),
     * or a return that runs as returnProcess (its id and key; null = none).
     */
    public record Outcome(String manualGroup, String manualInstruction, Long returnId, String returnKey) {
        static final Outcome NONE = new Outcome(null, null, null, null);

        Outcome(String manualGroup, String manualInstruction) {
            this(manualGroup, manualInstruction, null, null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseRemedyRepository remedies;
    private final MarketplacePort marketplace;
    private final CaseReturns returns;
    private final Clock clock;

    RemedyExecution(CaseRemedyRepository remedies, MarketplacePort marketplace, CaseReturns returns, Clock clock) {
        this.remedies = remedies;
        this.marketplace = marketplace;
        this.returns = returns;
        this.clock = clock;
    }

    @Transactional
    public Outcome execute(long remedyId) {
        CaseRemedy remedy = remedies.findById(remedyId)
                .orElseThrow(() -> new IllegalStateException("No remedy " + remedyId));
        AfterSalesCase c = remedy.getAfterSalesCase();
        if (remedy.getStatus() == CaseRemedy.Status.EXECUTED) {
            if (remedy.getRemedy() == Remedy.RETURN_AND_REFUND || remedy.getRemedy() == Remedy.FREE_EXCHANGE) {
                return runsHere(returns.byKey(remedy.getPlatformRef()));
            }
            return Outcome.NONE; // done, also a by-hand step once reported: nothing is left for people
        }
        // BY_HAND again: the step ran and was rolled back after the remedy was left for people; the refund
        // is asked again under the same idempotency key, so it still happens once
        if (remedy.getStatus() != CaseRemedy.Status.APPROVED && remedy.getStatus() != CaseRemedy.Status.BY_HAND) {
            throw new IllegalStateException("Remedy " + remedyId + " of case " + c.getBusinessKey() + " is "
                    + remedy.getStatus() + ", not approved");
        }
        String idempotencyKey = "case:" + c.getBusinessKey() + ":remedy:" + remedyId;
        switch (remedy.getRemedy()) {
            case REFUND, PARTIAL_REFUND_KEEP_ITEM -> {
                SalesOrder order = c.getOrder();
                try {
                    MarketplacePort.RefundResult result = marketplace.refund(new MarketplacePort.RefundCommand(
                            c.getStore().getId(), order.getPlatformOrderId(),
                            remedy.getRemedy() == Remedy.REFUND ? null : inMinorUnits(remedy), remedy.getCurrency(),
                            "After-sales case " + c.getBusinessKey() + ": " + remedy.getRemedy(), idempotencyKey));
                    remedy.executed(result.platformRefundId(), null, result.amount(), clock.instant());
                    return Outcome.NONE;
                } catch (PlatformCannotException cannot) {
                    return leftForPeople(remedy, c, manualStep(remedy, c, cannot));
                }
            }
            case COUPON, GOODWILL_DISCOUNT -> {
                remedy.executed(null, couponCode(), remedy.getAmount(), clock.instant());
                return Outcome.NONE;
            }
            case RETURN_AND_REFUND, FREE_EXCHANGE -> {
                CaseReturns.ReturnRef rma = returns.openForCase(new CaseReturns.CaseReturnRequest(c.getId(),
                        c.getStore().getId(), c.getOrder().getPlatformOrderId(), c.getCategory(),
                        remedy.getRemedy() == Remedy.FREE_EXCHANGE));
                remedy.executed(rma.returnKey(), null, remedy.getAmount(), clock.instant());
                Outcome outcome = runsHere(rma);
                if (outcome.returnId() != null) {
                    c.remedyPending(); // the refund or the replacement comes with the return
                }
                return outcome;
            }
            default -> {
                Outcome outcome = manualStep(remedy, c, null);
                if (outcome.manualGroup() != null) {
                    return leftForPeople(remedy, c, outcome);
                }
                remedy.executed(null, null, remedy.getAmount(), clock.instant());
                return outcome;
            }
        }
    }

    /**
     * What is left is work for people: the remedy is not done until they report it (the reply says what
     * will happen, "Tell the buyer it is done" follows), and the case shows REMEDY_PENDING meanwhile.
     */
    private static Outcome leftForPeople(CaseRemedy remedy, AfterSalesCase c, Outcome outcome) {
        remedy.leftForPeople();
        c.remedyPending();
        return outcome;
    }

    /**
     * Whether carrying out the remedy on this case will leave it for people ({@code BY_HAND}), as {@link #execute}
     * finds when it runs: a refund the store's platform cannot make through its API (Amazon), or a step for the
     * warehouse (a reship). What a reply says, and so its preview, depends on it: done, or what will happen.
     */
    public boolean willBeLeftForPeople(AfterSalesCase c, Remedy remedy) {
        return switch (remedy) {
            case REFUND, PARTIAL_REFUND_KEEP_ITEM -> c.getStore() == null
                    || !marketplace.refundsThroughApi(c.getStore().getId());
            case COUPON, GOODWILL_DISCOUNT, RETURN_AND_REFUND, FREE_EXCHANGE -> false;
            default -> warehouseStep(remedy, c).manualGroup() != null;
        };
    }

    private static Outcome manualStep(CaseRemedy remedy, AfterSalesCase c, PlatformCannotException cannot) {
        if (cannot != null) {
            return new Outcome(c.getCandidateGroup(), "Refund " + CaseView.money(remedy.getAmount()) + " "
                    + remedy.getCurrency() + ofOrder(c) + " by hand: " + cannot.insteadAdvice());
        }
        return warehouseStep(remedy.getRemedy(), c);
    }

    private static Outcome warehouseStep(Remedy remedy, AfterSalesCase c) {
        return switch (remedy) {
            case RESHIP -> new Outcome(Groups.WAREHOUSE, "Ship a replacement" + ofOrder(c)
                    + " to the buyer by express and enter the tracking number.");
            default -> Outcome.NONE;
        };
    }

    private static String ofOrder(AfterSalesCase c) {
        return c.getOrder() == null ? "" : " of order " + c.getOrder().getPlatformOrderId();
    }

    /**
     * The remedy's return runs as this case's call activity, unless the buyer's return of the order is
     * already running in its own process (self-service, platform): then the case does not start a second one.
     */
    private static Outcome runsHere(CaseReturns.ReturnRef rma) {
        return rma.ownProcess() ? Outcome.NONE : new Outcome(null, null, rma.returnId(), rma.returnKey());
    }

    /** The amount as the currency writes it (2 decimals for EUR, none for JPY): the database keeps 4. */
    private static BigDecimal inMinorUnits(CaseRemedy remedy) {
        return remedy.getAmount() == null ? null
                : remedy.getAmount().setScale(minorDigits(remedy.getCurrency()), RoundingMode.HALF_UP);
    }

    static int minorDigits(String currency) {
        return CurrencyDigits.minorDigits(currency);
    }

    /** A coupon code nobody can guess; issued once per remedy (an executed remedy keeps its code). */
    static String couponCode() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        return "HW-" + HexFormat.of().withUpperCase().formatHex(random);
    }
}
