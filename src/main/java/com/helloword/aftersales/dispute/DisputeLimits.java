package com.helloword.aftersales.dispute;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.EurRates;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.Store;
import com.helloword.aftersales.security.Groups;

/**
 * Who may decide how much on a dispute. The remedyApproval table stays the one home of the limits: a decision is
 * put to it as the remedy it amounts to (ACCEPT = the order's refund, PARTIAL_REFUND = a partial refund of that
 * percent, RESHIP = a reship, CONTEST = no remedy), and the caller's own limit is found by asking the table too
 * (the highest percent whose approval level the caller holds), so no figure of it is restated here. The levels in
 * order: AGENT, TEAM_LEAD, DISPUTE_SPECIALIST; a dispute specialist of the dispute's region, a manager and an admin
 * decide at the specialists' level, a team lead at the team leads'.
 */
@Component
class DisputeLimits {

    /** The table's approval levels, lowest first; NOT_ALLOWED is above every one. */
    static final List<String> LEVELS = List.of("AGENT", "TEAM_LEAD", "DISPUTE_SPECIALIST");
    static final String NOT_ALLOWED = "NOT_ALLOWED";
    /** How far up the percent search looks: beyond any table a designer would write. */
    private static final int SEARCH_CEILING = 10_000;

    /** What the table answered for one decision. */
    record Answer(String approval, String secondApprover, String reason) {

        boolean notAllowed() {
            return NOT_ALLOWED.equals(approval);
        }
    }

    private final DecisionService decisions;
    private final EurRates rates;

    DisputeLimits(DecisionService decisions, EurRates rates) {
        this.decisions = decisions;
        this.rates = rates;
    }

    /** The table's inputs for this decision on this order (read from the case file, never from a completion). */
    Map<String, Object> inputs(SalesOrder order, DisputeOutcome outcome, Integer percent) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(DisputeProcess.VAR_REMEDY, switch (outcome) {
            case ACCEPT -> "REFUND";
            case PARTIAL_REFUND -> "PARTIAL_REFUND_KEEP_ITEM";
            case RESHIP -> "RESHIP";
            case CONTEST -> "NONE";
        });
        inputs.put(DisputeProcess.VAR_APPROVAL_PERCENT, outcome == DisputeOutcome.PARTIAL_REFUND && percent != null
                ? percent : outcome == DisputeOutcome.ACCEPT ? 100 : 0);
        inputs.put(DisputeProcess.VAR_COUPON_EUR, 0.0);
        inputs.put(DisputeProcess.VAR_ORDER_VALUE_EUR, rates.toEur(order.total(), order.getCurrency()).doubleValue());
        Store store = order.getStore();
        inputs.put(DisputeProcess.VAR_MARKETPLACE_COUNTRY, store.getMarketplaceCountry() == null ? null
                : store.getMarketplaceCountry().trim().toUpperCase(Locale.ROOT));
        return inputs;
    }

    Answer ask(Map<String, Object> inputs) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DisputeProcess.APPROVAL_DECISION)
                .variables(inputs).evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("Decision table remedyApproval has no row for " + inputs);
        }
        return answer(result.getEntryMap());
    }

    static Answer answer(Map<String, Object> entries) {
        return new Answer(text(entries.get("approval")), text(entries.get("secondApprover")),
                text(entries.get("reason")));
    }

    /**
     * The caller's level for this dispute: the specialists' for the region's specialists, managers and admins; the
     * team leads' for team leads; null for anyone else (they may not decide).
     */
    static String levelOf(List<String> groups, String region) {
        if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Groups.MANAGERS)
                || region != null && groups.contains(Groups.disputeSpecialists(region))) {
            return "DISPUTE_SPECIALIST";
        }
        return groups.contains(Groups.TEAM_LEADS) ? "TEAM_LEAD" : null;
    }

    /** Whether a table answer is within the level. */
    static boolean within(Answer answer, String level) {
        int needed = LEVELS.indexOf(answer.approval());
        if (needed < 0) {
            if (answer.notAllowed()) {
                return false;
            }
            throw new IllegalStateException("Decision table remedyApproval answered '" + answer.approval() + "': "
                    + String.join(", ", LEVELS) + " or " + NOT_ALLOWED);
        }
        return needed <= LEVELS.indexOf(level);
    }

    /**
     * Refuses a decision the table refuses for everyone (422) or that is above the caller's level (403 with the
     * caller's own limit in percent of this order), else returns the table's answer.
     */
    Answer check(SalesOrder order, DisputeOutcome outcome, Integer percent, String level) {
        Answer answer = ask(inputs(order, outcome, percent));
        if (answer.notAllowed()) {
            throw RejectedDispute.beyondCap(outcome + (percent == null ? "" : " of " + percent + " %")
                    + " is beyond what anyone may approve for this order" + (answer.reason() == null ? ""
                    : ": " + answer.reason()));
        }
        if (level == null || !within(answer, level)) {
            int limit = level == null ? 0 : limitPercent(order, level);
            throw RejectedDispute.aboveOwnLimit(outcome + (percent == null ? "" : " of " + percent + " %")
                    + " needs approval at level " + answer.approval() + "; your limit is " + limit
                    + " % of the order value", limit);
        }
        return answer;
    }

    /** The highest partial refund, in percent of this order, that the level may decide (0 when none). */
    int limitPercent(SalesOrder order, String level) {
        if (!allowed(order, 1, level)) {
            return 0;
        }
        // the table's rows rise with the percent: find the last percent the level may still decide
        int low = 1;
        int high = SEARCH_CEILING;
        while (low < high) {
            int middle = low + (high - low + 1) / 2;
            if (allowed(order, middle, level)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private boolean allowed(SalesOrder order, int percent, String level) {
        return within(ask(inputs(order, DisputeOutcome.PARTIAL_REFUND, percent)), level);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
