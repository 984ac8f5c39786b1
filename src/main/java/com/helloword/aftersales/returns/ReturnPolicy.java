package com.helloword.aftersales.returns;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The Java side of the designers' table {@code returnPolicy} (dmn/return-policy.dmn): the return process asks
 * it in a business-rule task (binding latest, so Cockpit shows the decision); this class gives that task its
 * inputs ({@link #variables}) and reads its outputs into a {@link Decision} ({@link #decision}). The window
 * counts calendar days from delivery of the last item of the order; the day arithmetic lives in static
 * methods so it can be tested without the engine. The refund deadline (returnMarketWindow) is asked here.
 */
@Service
public class ReturnPolicy {

    static final String DECISION_KEY = "returnPolicy";
    static final String MARKET_DECISION_KEY = "returnMarketWindow";

    /**
     * A return request. market: ISO country of the destination (DE, FR, GB, SG, US ...); reason: CHANGED_MIND,
     * SIZE_FIT, COLOR_MISMATCH, DEFECTIVE, DAMAGED, WRONG_ITEM, MISSING_PARTS, NOT_AS_DESCRIBED or RECALL;
     * deliveredOn: delivery of the last item, null while it is not delivered (see {@link #lastDelivery});
     * buyerTier: a {@link BuyerTier} name, NEW when null; storeWindowDays: the store's own no-reason window,
     * null when the store has none.
     */
    public record Request(String market, String reason, LocalDate deliveredOn, LocalDate requestedOn,
            String buyerTier, String productCategory, Integer storeWindowDays, boolean serialReturner) {
    }

    /**
     * What the table decided. windowDays is 0 and lastDay null when there is no time limit (a recall);
     * lastDay is also null while the last item is not delivered. postagePaidBy: SELLER or BUYER.
     * refusalReason is null when eligible, else a code (WINDOW_PASSED, NON_RETURNABLE, UNKNOWN_REASON)
     * that picks the explanation sent to the buyer, who is always offered an agent review. decisionId:
     * the decision definition that decided.
     */
    public record Decision(boolean eligible, int windowDays, String postagePaidBy, boolean freePickup,
            boolean freeExchange, boolean needsAgentApproval, String refusalReason, String ruleNote, LocalDate lastDay,
            String decisionId) {
    }

    private final LatestDecisions decisions;

    ReturnPolicy(LatestDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * Days from the request by which the refund must be paid in a market (the returnMarketWindow table:
     * EU/EEA/UK 14 by law, elsewhere this system's own bound); null when the table sets none.
     */
    public Integer refundDeadlineDays(String market) {
        Object days = decisions.evaluate(MARKET_DECISION_KEY, Map.of("market", code(market)))
                .single().getEntryMap().get("refundDeadlineDays");
        return days instanceof Number n ? n.intValue() : null;
    }

    /**
     * Calendar days from delivery of the last item to the request: 0 on the delivery day, 14 on the last
     * day of a 14-day window. 0 while nothing is delivered, and never negative (a request before the
     * last item arrived is inside the window).
     */
    public static int daysSinceDelivery(LocalDate deliveredOn, LocalDate requestedOn) {
        Objects.requireNonNull(requestedOn, "requestedOn");
        if (deliveredOn == null) {
            return 0;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(deliveredOn, requestedOn));
    }

    /**
     * The delivery date the window counts from: the latest delivery of the order's items (a split
     * delivery's last parcel). Null when there are no items or one of them is not delivered yet.
     */
    public static LocalDate lastDelivery(Collection<LocalDate> itemDeliveries) {
        if (itemDeliveries == null || itemDeliveries.isEmpty() || itemDeliveries.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return itemDeliveries.stream().max(LocalDate::compareTo).orElseThrow();
    }

    /** The table's inputs for a request (null store window allowed, codes upper-cased). */
    static VariableMap variables(Request request) {
        return Variables.createVariables()
                .putValue("market", code(request.market()))
                .putValue("reason", code(request.reason()))
                .putValue("daysSinceDelivery", daysSinceDelivery(request.deliveredOn(), request.requestedOn()))
                .putValue("buyerTier", request.buyerTier() == null ? BuyerTier.NEW.name() : code(request.buyerTier()))
                .putValue("productCategory", code(request.productCategory()))
                .putValue("storeWindowDays", request.storeWindowDays())
                .putValue("serialReturner", request.serialReturner());
    }

    /** The table's outputs as a decision; lastDay = delivery of the last item + windowDays. */
    static Decision decision(Map<String, Object> entries, Request request, String decisionId) {
        return decision(entries, request.deliveredOn(), decisionId);
    }

    /** As {@link #decision(Map, Request, String)}, for the step after the business-rule task. */
    static Decision decision(Map<String, Object> entries, LocalDate deliveredOn, String decisionId) {
        Number window = (Number) entries.get("windowDays");
        LocalDate lastDay = window == null || deliveredOn == null ? null : deliveredOn.plusDays(window.longValue());
        return new Decision(Boolean.TRUE.equals(entries.get("eligible")), window == null ? 0 : window.intValue(),
                (String) entries.get("postagePaidBy"), Boolean.TRUE.equals(entries.get("freePickup")),
                Boolean.TRUE.equals(entries.get("freeExchange")), Boolean.TRUE.equals(entries.get("needsAgentApproval")),
                (String) entries.get("refusalReason"), (String) entries.get("ruleNote"), lastDay, decisionId);
    }

    private static String code(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
