package com.helloword.aftersales.recall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage 2: a plan per destination market from the recallMarketRules table's answer, their approval, and
 * the filings they lead to (one per authority, due at its markets' earliest deadline from the GO decision,
 * with the notification prepared for the person who files it).
 */
@Service
class RecallPlanning {

    private final RecallRepository recalls;
    private final RecallMarketPlanRepository plans;
    private final RecallFilingRepository filings;
    private final RecallEventRepository events;
    private final RiskReports riskReports;
    private final Clock clock;

    RecallPlanning(RecallRepository recalls, RecallMarketPlanRepository plans, RecallFilingRepository filings,
            RecallEventRepository events, RiskReports riskReports, Clock clock) {
        this.recalls = recalls;
        this.plans = plans;
        this.filings = filings;
        this.events = events;
        this.riskReports = riskReports;
        this.clock = clock;
    }

    @Transactional
    public RecallMarketPlan draft(Long recallId, String country, Map<String, Object> marketRule) {
        MarketRules.Rule rule = MarketRules.Rule.of(marketRule);
        if (rule.authority() == null || rule.filingDeadline() == null || rule.remedies().isEmpty()
                || rule.noticeTemplate() == null) {
            throw new IllegalStateException("recallMarketRules gave no authority, deadline, remedies or notice for "
                    + country + ": " + marketRule);
        }
        Duration.parse(rule.filingDeadline()); // a row with a broken duration fails here, as an incident
        for (String remedy : rule.remedies()) {
            RecallRemedy.valueOf(remedy); // and so does a remedy the recall page cannot offer
        }
        RecallMarketPlan plan = plans.findByRecallIdAndCountry(recallId, country)
                .orElseGet(() -> new RecallMarketPlan(recallId, country));
        plan.draft(rule.authority(), rule.authorityName(), rule.legalBasis(), rule.filingDeadline(), rule.remedies(),
                rule.noticeTemplate(), rule.recallLevel() == null ? "CONSUMER" : rule.recallLevel());
        return plans.save(plan);
    }

    /** Approves every drafted plan of the recall and prepares one filing per authority; returns the filings. */
    @Transactional
    public List<RecallFiling> approve(Long recallId, String by, String note) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        Instant now = clock.instant();
        List<RecallMarketPlan> drafted = plans.findByRecallIdOrderByCountry(recallId);
        for (RecallMarketPlan plan : drafted) {
            plan.approve(by, now);
        }
        events.save(new RecallEvent(recallId, now, "PLANS_APPROVED", by, drafted.stream()
                .map(p -> p.getCountry() + ": " + p.getAuthority() + " within " + p.getFilingDeadline() + ", "
                        + String.join("/", p.getRemedies()))
                .collect(Collectors.joining("; ")) + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")")));
        Instant decidedAt = recall.getDecidedAt() == null ? now : recall.getDecidedAt();
        Map<String, List<RecallMarketPlan>> byAuthority = new LinkedHashMap<>();
        for (RecallMarketPlan plan : drafted) {
            byAuthority.computeIfAbsent(plan.getAuthority(), a -> new ArrayList<>()).add(plan);
        }
        List<RecallFiling> made = new ArrayList<>();
        RiskReport report = riskReports.read(recall);
        for (Map.Entry<String, List<RecallMarketPlan>> entry : byAuthority.entrySet()) {
            List<RecallMarketPlan> markets = entry.getValue();
            Instant due = markets.stream().map(p -> decidedAt.plus(Duration.parse(p.getFilingDeadline())))
                    .min(Instant::compareTo).orElseThrow();
            RecallFiling filing = filings.findByRecallIdAndAuthority(recallId, entry.getKey()).orElse(null);
            if (filing == null) {
                filing = filings.save(new RecallFiling(recallId, entry.getKey(), markets.get(0).getAuthorityName(),
                        markets.stream().map(RecallMarketPlan::getCountry).toList(), due,
                        notification(recall, markets, report)));
            }
            made.add(filing);
        }
        return made;
    }

    /** The notification as the authority's form asks for it, ready to paste; filing it stays a person's act. */
    static String notification(Recall recall, List<RecallMarketPlan> markets, RiskReport report) {
        StringBuilder text = new StringBuilder();
        RecallMarketPlan first = markets.get(0);
        text.append("Notification to ").append(first.getAuthorityName()).append('\n');
        text.append("Legal basis: ").append(first.getLegalBasis()).append('\n');
        text.append("Recall: ").append(recall.getRecallKey()).append(" (decided ").append(recall.getDecidedAt())
                .append(" by ").append(recall.getDecidedBy()).append(")\n");
        text.append("Product: SKU ").append(recall.getSku()).append(", batches ")
                .append(String.join(", ", recall.getBatches())).append('\n');
        text.append("Hazard: ").append(recall.getReason()).append('\n');
        text.append("Markets: ").append(markets.stream().map(RecallMarketPlan::getCountry)
                .collect(Collectors.joining(", "))).append('\n');
        if (report != null) {
            for (RecallMarketPlan market : markets) {
                text.append("  ").append(market.getCountry()).append(": units sold ")
                        .append(report.unitsSold().byCountry().getOrDefault(market.getCountry(), 0L))
                        .append(", in transit ")
                        .append(report.unitsInTransit().byCountry().getOrDefault(market.getCountry(), 0L))
                        .append(", buyers ").append(report.affectedBuyersByCountry().getOrDefault(market.getCountry(), 0L))
                        .append('\n');
            }
            text.append("Incidents reported by buyers (safety cases): ").append(report.safetyCases()).append('\n');
        }
        text.append("Corrective action offered to consumers: ").append(String.join(", ", first.getRemedies()))
                .append("; sale stopped on every store; every affected buyer notified individually.\n");
        return text.toString();
    }
}
