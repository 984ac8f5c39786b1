package com.helloword.aftersales.recall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.OrderStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes and reads the risk report of a recall ({@link RiskReport}). */
@Service
class RiskReports {

    private final AffectedOrders affected;
    private final RecallSignalRepository signals;
    private final MarketRules marketRules;
    private final RecallRepository recalls;
    private final ObjectMapper json;
    private final Clock clock;

    RiskReports(AffectedOrders affected, RecallSignalRepository signals, MarketRules marketRules,
            RecallRepository recalls, ObjectMapper json, Clock clock) {
        this.affected = affected;
        this.signals = signals;
        this.marketRules = marketRules;
        this.recalls = recalls;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public RiskReport make(Long recallId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        RiskReport report = compute(recall);
        try {
            recall.riskReport(json.writeValueAsString(report), report.madeAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The risk report cannot be written as JSON", e);
        }
        return report;
    }

    RiskReport compute(Recall recall) {
        Map<String, Long> soldByCountry = new TreeMap<>();
        Map<String, Long> soldByBatch = new TreeMap<>();
        Map<String, Long> travellingByCountry = new TreeMap<>();
        Map<String, Long> travellingByBatch = new TreeMap<>();
        long sold = 0;
        long travelling = 0;
        long notShipped = 0;
        for (AffectedOrders.Tally tally : affected.tallies(recall)) {
            if (AffectedOrders.AFFECTED.contains(tally.status())) {
                sold += tally.units();
                soldByCountry.merge(tally.country(), tally.units(), Long::sum);
                soldByBatch.merge(tally.batch(), tally.units(), Long::sum);
            }
            if (tally.status() == OrderStatus.SHIPPED) {
                travelling += tally.units();
                travellingByCountry.merge(tally.country(), tally.units(), Long::sum);
                travellingByBatch.merge(tally.batch(), tally.units(), Long::sum);
            }
            if (tally.status() == OrderStatus.PLACED) {
                notShipped += tally.units();
            }
        }
        AffectedOrders.Reach reach = affected.reach(recall);
        Map<String, Integer> casesByBatch = new TreeMap<>();
        int cases = 0;
        for (String batch : recall.getBatches()) {
            int count = signals.findBySkuAndBatchLot(recall.getSku(), batch).map(RecallSignal::getSafetyCases)
                    .orElse(0);
            casesByBatch.put(batch, count);
            cases += count;
        }
        List<RiskReport.Regulator> regulators = new ArrayList<>();
        for (String country : recall.getCountries()) {
            MarketRules.Rule rule = marketRules.forCountry(country);
            regulators.add(new RiskReport.Regulator(country, rule.authority(), rule.authorityName(),
                    rule.filingDeadline()));
        }
        return new RiskReport(clock.instant(), new RiskReport.Figures(sold, soldByCountry, soldByBatch),
                new RiskReport.Figures(travelling, travellingByCountry, travellingByBatch), notShipped,
                reach.orders(), reach.ordersByCountry(), reach.buyers(), reach.buyersByCountry(), cases, casesByBatch,
                regulators);
    }

    /** The report the recall keeps; null before the first one is made. */
    RiskReport read(Recall recall) {
        if (recall.getRiskReport() == null) {
            return null;
        }
        try {
            return json.readValue(recall.getRiskReport(), RiskReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recall " + recall.getRecallKey() + " has an unreadable risk report", e);
        }
    }
}
