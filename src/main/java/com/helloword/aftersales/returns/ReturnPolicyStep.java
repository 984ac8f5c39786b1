package com.helloword.aftersales.returns;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerTier;
import com.helloword.aftersales.casefile.OrderLine;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The Java around the return process's policy decision, which the process itself takes in the business-rule
 * task {@code businessRuleTask_checkPolicy} (table returnPolicy, binding latest): before it, the table's inputs
 * from the case file (never from variables a completion could set), with the serial-returner flag kept in step
 * with the serialReturner table; after it, what the table decided recorded on the return, the refund deadline
 * (returnMarketWindow) and the process's settings, the review group by the teamRouting table.
 */
@Service
public class ReturnPolicyStep {

    static final String ROUTING_DECISION_KEY = "teamRouting";

    private final ReturnService returns;
    private final ReturnPolicy policy;
    private final BuyerReturnHistory history;
    private final LatestDecisions decisions;
    private final ReturnSettings settings;
    private final Clock clock;

    ReturnPolicyStep(ReturnService returns, ReturnPolicy policy, BuyerReturnHistory history, LatestDecisions decisions,
            ReturnSettings settings, Clock clock) {
        this.returns = returns;
        this.policy = policy;
        this.history = history;
        this.decisions = decisions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The returnPolicy table's inputs for a return (market, reason, days since the last item was delivered,
     * tier, category, store window, serial returner), from the case file. The flag on the buyer's profile
     * follows the serialReturner table here: set when it says so, lifted when not (an agent's remedy neither
     * counts nor changes it). The first step of every return process, so it also links a return started as a
     * call activity to its process.
     */
    @Transactional
    public Map<String, Object> inputs(long returnId, String processInstanceId) {
        ReturnRequest r = returns.returnOf(returnId);
        if (r.getProcessInstanceId() == null) {
            r.attachProcess(processInstanceId);
        }
        SalesOrder order = r.getOrder();
        Buyer buyer = r.getBuyer();
        Instant countFrom = history.countFrom(buyer, r.getRequestedAt());
        int changedMind = history.changedMindReturns(buyer, r.getRequestedAt());
        if (ReturnReasons.CHANGED_MIND.equals(r.getReason()) && !r.getRequestedAt().isBefore(countFrom)) {
            changedMind--; // this request is not yet a past return
        }
        String tier = buyer.getTier() == null ? BuyerTier.NEW.name() : buyer.getTier().name();
        boolean serial = false;
        if (r.getSource() != ReturnRequest.Source.AGENT_REMEDY) {
            serial = history.serialByTable(buyer, changedMind);
            if (serial && buyer.flagSerialReturner(changedMind + " \"changed my mind\" returns in 12 months before "
                    + r.getReturnKey(), clock.instant())) {
                r.record("SERIAL_RETURNER", "the buyer is flagged as a serial returner on their profile",
                        clock.instant());
            } else if (!serial && buyer.isSerialReturner()) {
                buyer.clearSerialReturner(false, clock.instant());
            }
        }
        return new HashMap<>(ReturnPolicy.variables(new ReturnPolicy.Request(order.getDestinationCountry(),
                r.getReason(), deliveredOn(r), requestedOn(r), tier, category(r, order), null, serial)));
    }

    /**
     * Records what the returnPolicy table decided ({@code outputs}: its single result; {@code definitionId}: the
     * version that decided) and the refund deadline; returns eligible, needsApproval and the process's settings
     * (review group, SLAs, waits). An agent's approved remedy is a promise to the buyer: the table's terms are
     * recorded, its refusal is not, and the seller pays the postage.
     */
    @Transactional
    public Map<String, Object> record(long returnId, Map<String, Object> outputs, String definitionId) {
        ReturnRequest r = returns.returnOf(returnId);
        SalesOrder order = r.getOrder();
        ReturnPolicy.Decision decision = ReturnPolicy.decision(outputs, deliveredOn(r), definitionId);
        boolean promised = r.getSource() == ReturnRequest.Source.AGENT_REMEDY;
        boolean eligible = promised || decision.eligible();
        boolean needsApproval = !promised && decision.needsAgentApproval();
        r.decide(eligible, decision.windowDays(), decision.lastDay(), promised ? "SELLER" : decision.postagePaidBy(),
                decision.freePickup(), decision.freeExchange(), needsApproval,
                eligible ? null : decision.refusalReason(), decision.decisionId(), clock.instant());
        Integer refundDays = policy.refundDeadlineDays(order.getDestinationCountry());
        r.refundDueOn(refundDays == null ? null : requestedOn(r).plusDays(refundDays));
        Map<String, Object> next = new HashMap<>(processSettings(r));
        next.put(ReturnProcess.VAR_ELIGIBLE, eligible);
        next.put(ReturnProcess.VAR_NEEDS_APPROVAL, needsApproval);
        return next;
    }

    /**
     * The settings a return process runs with: the team that reviews (the teamRouting table, by the buyer's
     * language or the store's; the version that routed goes on the timeline), the waits and SLAs.
     */
    Map<String, Object> processSettings(ReturnRequest r) {
        SalesOrder order = r.getOrder();
        String language = ReturnService.language(r);
        LatestDecisions.Evaluated routing = decisions.evaluate(ROUTING_DECISION_KEY,
                Map.of("language", language == null ? "" : language));
        String reviewGroup = routing.output("candidateGroup");
        r.record("ROUTED", "reviewed by " + reviewGroup + " (" + routing.definitionId() + ")", clock.instant());
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReturnProcess.VAR_REVIEW_GROUP, reviewGroup);
        variables.put(ReturnProcess.VAR_LABEL_SLA, settings.labelSla().toString());
        variables.put(ReturnProcess.VAR_INSPECTION_SLA, settings.inspectionSla().toString());
        variables.put(ReturnProcess.VAR_REMINDER_CYCLE, settings.reminderCycle());
        variables.put(ReturnProcess.VAR_GIVE_UP_AFTER, settings.giveUpAfter().toString());
        return variables;
    }

    private static LocalDate deliveredOn(ReturnRequest r) {
        SalesOrder order = r.getOrder();
        return order.getDeliveredAt() == null ? null : order.getDeliveredAt().atZone(zone(r)).toLocalDate();
    }

    private static LocalDate requestedOn(ReturnRequest r) {
        return r.getRequestedAt().atZone(zone(r)).toLocalDate();
    }

    private static ZoneId zone(ReturnRequest r) {
        return ReturnService.zone(r.getOrder());
    }

    /** The product category of the return's SKU (or the order's first SKU with one), by configured prefix. */
    private String category(ReturnRequest r, SalesOrder order) {
        List<String> skus = new ArrayList<>();
        if (r.getSku() != null) {
            skus.add(r.getSku());
        } else {
            order.getLines().stream().map(OrderLine::getSku).forEach(skus::add);
        }
        return skus.stream().map(settings::namedCategory).flatMap(Optional::stream).findFirst()
                .orElse(settings.otherCategory());
    }
}
