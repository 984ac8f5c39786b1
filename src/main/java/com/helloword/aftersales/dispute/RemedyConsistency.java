package com.helloword.aftersales.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The consistency report: the same SKU and complaint category should get the same remedy in every store. Every
 * money-back remedy of a case (its category) and every dispute decision (its case's category, else its claim type)
 * over the window is put as the share of the order value given back; per SKU and category the median across all
 * stores is taken, and each remedy further from it than the remedyConsistency table's tolerance is listed. Groups
 * seen in fewer stores than the table asks are not compared. A read-write transaction: the engine writes the
 * table's evaluations to its history.
 */
@Component
class RemedyConsistency {

    static final String DECISION = "remedyConsistency";

    record Remedy(String storeId, String reference, String remedy, int percent, Instant at) {
    }

    record Deviation(String storeId, String reference, String remedy, int percent, double deviationPoints) {
    }

    record Group(String sku, String category, double medianPercent, int tolerancePoints, Map<String, Double> medianByStore,
            int remedies, List<Deviation> deviations) {
    }

    record Report(Instant since, Instant until, int groupsCompared, List<Group> deviating) {
    }

    private final CaseRecords cases;
    private final DisputeRepository disputes;
    private final SalesOrderRepository orders;
    private final LatestDecisions decisions;
    private final Duration window;
    private final Clock clock;

    RemedyConsistency(CaseRecords cases, DisputeRepository disputes, SalesOrderRepository orders,
            LatestDecisions decisions, @Value("${aftersales.disputes.consistency-window}") Duration window,
            Clock clock) {
        this.cases = cases;
        this.disputes = disputes;
        this.orders = orders;
        this.decisions = decisions;
        this.window = window;
        this.clock = clock;
    }

    Duration defaultWindow() {
        return window;
    }

    @Transactional
    Report report(Duration over) {
        Instant until = clock.instant();
        Instant since = until.minus(over);
        Map<String, List<Remedy>> groups = new TreeMap<>();
        for (CaseRecords.RemedyFact fact : cases.moneyBackRemedies(since)) {
            groups.computeIfAbsent(fact.sku() + "\u0000" + fact.category(), k -> new ArrayList<>())
                    .add(new Remedy(fact.storeId(), fact.reference(), fact.remedy(), fact.percent(), fact.at()));
        }
        for (Dispute dispute : disputes.findByDecidedAtGreaterThanEqual(since)) {
            Integer percent = switch (dispute.getDecision()) {
                case ACCEPT, PARTIAL_REFUND -> dispute.getPercentOfOrder();
                case CONTEST -> 0;
                case RESHIP -> null;
            };
            SalesOrder order = orders.findWithLines(dispute.getStoreId(), dispute.getPlatformOrderId()).orElse(null);
            if (percent == null || order == null || order.getLines().isEmpty()) {
                continue;
            }
            String category = dispute.getCaseId() == null ? dispute.getClaimType()
                    : cases.caseOf(dispute.getCaseId()).map(CaseRecords.CaseSummary::category)
                            .orElse(dispute.getClaimType());
            groups.computeIfAbsent(order.getLines().get(0).getSku() + "\u0000" + category, k -> new ArrayList<>())
                    .add(new Remedy(dispute.getStoreId(), dispute.getKey(), dispute.getDecision().name(), percent,
                            dispute.getDecidedAt()));
        }
        int compared = 0;
        List<Group> deviating = new ArrayList<>();
        for (Map.Entry<String, List<Remedy>> entry : groups.entrySet()) {
            String[] key = entry.getKey().split("\u0000", 2);
            List<Remedy> remedies = entry.getValue();
            LatestDecisions.Evaluated rule = decisions.evaluate(DECISION, Map.of("category", key[1]));
            int tolerance = ((Number) rule.output("tolerancePoints")).intValue();
            int minimumStores = ((Number) rule.output("minimumStores")).intValue();
            Map<String, List<Integer>> byStore = new TreeMap<>();
            remedies.forEach(r -> byStore.computeIfAbsent(r.storeId(), s -> new ArrayList<>()).add(r.percent()));
            if (byStore.size() < minimumStores) {
                continue;
            }
            compared++;
            double median = median(remedies.stream().map(Remedy::percent).toList());
            List<Deviation> off = remedies.stream().filter(r -> Math.abs(r.percent() - median) > tolerance)
                    .sorted(Comparator.comparing(Remedy::storeId).thenComparing(Remedy::reference))
                    .map(r -> new Deviation(r.storeId(), r.reference(), r.remedy(), r.percent(), r.percent() - median))
                    .toList();
            if (!off.isEmpty()) {
                Map<String, Double> medians = new LinkedHashMap<>();
                byStore.forEach((store, percents) -> medians.put(store, median(percents)));
                deviating.add(new Group(key[0], key[1], median, tolerance, medians, remedies.size(), off));
            }
        }
        return new Report(since, until, compared, deviating);
    }

    static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
