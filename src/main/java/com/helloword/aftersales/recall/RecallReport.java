package com.helloword.aftersales.recall;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.notification.MailTemplates;

/**
 * The recall's report for staff and regulators (stage 5, and live at any time before): the figures per
 * destination country and in total, the costs per currency, the decision, the market plans, the timeline of
 * authority notifications and the recall's events; as HTML and as PDF from the same template
 * ({@code templates/pages/recall-report/en.ftlh}), and the list of all units as CSV. Final once the recall is
 * closed. Figures come from grouped queries ({@link RecallFigures}): no unit is loaded as an entity.
 */
@Service
public class RecallReport {

    static final String TEMPLATE = "recall-report";
    private static final String LANGUAGE = "en";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The units list's columns, in order (RFC 4180, a header line first). */
    static final List<String> CSV_COLUMNS = List.of("unit_ref", "order_id", "platform_order_id", "store_id",
            "buyer_id", "country", "sku", "batch", "status", "notified_at", "reached_at", "remedy",
            "remedy_chosen_at", "label_tracking", "received_at", "inspected_at", "disposed_at", "refund_amount",
            "refund_currency", "refund_ref");

    /**
     * One destination country's figures, or the total's ({@code country} null).
     *
     * @param notified buyers whose notice is queued to the outbox
     * @param reached buyers who opened their recall page
     * @param chosen buyers per remedy chosen (every remedy present, 0 when nobody chose it)
     * @param returned units received or further (inspected, disposed, refurbished)
     * @param completionRate done units (disposed or refurbished) per affected unit, in percent with one decimal;
     *        null when there are no units
     */
    public record MarketFigures(String country, long affectedUnits, long affectedBuyers, long notified, long reached,
            Map<RecallRemedy, Long> chosen, long returned, long disposed, long refurbished,
            BigDecimal completionRate) {

        public long chosenTotal() {
            return chosen.values().stream().mapToLong(Long::longValue).sum();
        }

        public long done() {
            return disposed + refurbished;
        }
    }

    /**
     * What the recall cost in one currency (never added across currencies), for one country or for all
     * ({@code country} null). {@code currency} null: the rows carry none.
     */
    public record Cost(String country, String currency, BigDecimal labels, BigDecimal refunds,
            BigDecimal replacements) {

        public BigDecimal total() {
            return labels.add(refunds).add(replacements);
        }
    }

    /** The report's figures: per country (sorted by code), the total, and the costs per country and per currency. */
    public record Figures(List<MarketFigures> countries, MarketFigures total, List<Cost> costs,
            List<Cost> costTotals) {
    }

    private final RecallRepository recalls;
    private final RecallMarketPlanRepository plans;
    private final RecallFilingRepository filings;
    private final RecallDelistingRepository delistings;
    private final RecallEventRepository events;
    private final RecallFigures queries;
    private final MailTemplates templates;
    private final Clock clock;

    RecallReport(RecallRepository recalls, RecallMarketPlanRepository plans, RecallFilingRepository filings,
            RecallDelistingRepository delistings, RecallEventRepository events, RecallFigures queries,
            MailTemplates templates, Clock clock) {
        this.recalls = recalls;
        this.plans = plans;
        this.filings = filings;
        this.delistings = delistings;
        this.events = events;
        this.queries = queries;
        this.templates = templates;
        this.clock = clock;
    }

    /** The live figures of a recall; {@link NoSuchElementException} when there is no such recall. */
    @Transactional(readOnly = true)
    public Figures figures(Long recallId) {
        return figures(recall(recallId));
    }

    /** The report as an XHTML page (what the PDF is made of). */
    @Transactional(readOnly = true)
    public String html(Long recallId) {
        Recall recall = recall(recallId);
        return templates.renderPage(TEMPLATE, LANGUAGE, model(recall, figures(recall))).html();
    }

    /** The report as PDF, written to {@code out} (which stays open). */
    @Transactional(readOnly = true)
    public void pdf(Long recallId, OutputStream out) {
        com.helloword.aftersales.notification.PdfPages.write(html(recallId), out, "recall " + recallId);
    }

    /**
     * Every unit of the recall as one CSV row (RFC 4180: CRLF, fields with a comma, quote or line break quoted),
     * a buyer's units together. Buyers appear by id only. A buyer's refund is on their first row only, so the
     * column adds up to the refunds. Streams from the database to {@code out}; nothing is held per unit.
     */
    @Transactional(readOnly = true)
    public void unitsCsv(Long recallId, Writer out) {
        recall(recallId);
        try (Stream<RecallFigures.UnitRow> rows = queries.units(recallId)) {
            out.write(csvLine(CSV_COLUMNS));
            Long previousNotice = null;
            for (RecallFigures.UnitRow row : (Iterable<RecallFigures.UnitRow>) rows::iterator) {
                boolean firstOfBuyer = !row.noticeId().equals(previousNotice);
                boolean refund = firstOfBuyer && row.remedy() == RecallRemedy.REFUND && row.remedyAmount() != null;
                previousNotice = row.noticeId();
                out.write(csvLine(List.of(row.unitRef(), text(row.orderId()), text(row.platformOrderId()),
                        text(row.storeId()), text(row.buyerId()), text(row.country()), text(row.sku()),
                        text(row.batchLot()), row.status().name(), iso(row.notifiedAt()), iso(row.reachedAt()),
                        row.remedy() == null ? "" : row.remedy().name(), iso(row.remedyChosenAt()),
                        text(row.labelTracking()), iso(row.receivedAt()), iso(row.inspectedAt()),
                        iso(row.disposedAt()), refund ? row.remedyAmount().stripTrailingZeros().toPlainString() : "",
                        refund ? text(row.remedyCurrency()) : "", refund ? text(row.remedyRef()) : "")));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The units of recall " + recallId + " could not be written", e);
        }
    }

    private Recall recall(Long recallId) {
        return recalls.findById(recallId).orElseThrow(() -> new NoSuchElementException("No recall " + recallId));
    }

    private Figures figures(Recall recall) {
        Long id = recall.getId();
        List<RecallFigures.UnitCount> units = queries.unitCounts(id);
        List<RecallFigures.NoticeCount> notices = queries.noticeCounts(id);
        TreeSet<String> countries = new TreeSet<>(recall.getCountries());
        units.forEach(u -> countries.add(u.country()));
        notices.forEach(n -> countries.add(n.country()));
        List<MarketFigures> perCountry = countries.stream()
                .map(c -> market(c, units.stream().filter(u -> u.country().equals(c)).toList(),
                        notices.stream().filter(n -> n.country().equals(c)).toList()))
                .toList();
        MarketFigures total = market(null, units, notices);
        List<Cost> costs = costs(id);
        return new Figures(perCountry, total, costs, costTotals(costs));
    }

    private static MarketFigures market(String country, List<RecallFigures.UnitCount> units,
            List<RecallFigures.NoticeCount> notices) {
        Map<RecallUnitStatus, Long> byStatus = new EnumMap<>(RecallUnitStatus.class);
        for (RecallUnitStatus status : RecallUnitStatus.values()) {
            byStatus.put(status, 0L);
        }
        units.forEach(u -> byStatus.merge(u.status(), u.units(), Long::sum));
        long affectedUnits = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long returned = affectedUnits - byStatus.get(RecallUnitStatus.AFFECTED);
        long disposed = byStatus.get(RecallUnitStatus.DISPOSED);
        long refurbished = byStatus.get(RecallUnitStatus.REFURBISHED);
        Map<RecallRemedy, Long> chosen = new EnumMap<>(RecallRemedy.class);
        for (RecallRemedy remedy : RecallRemedy.values()) {
            chosen.put(remedy, 0L);
        }
        long buyers = 0;
        long notified = 0;
        long reached = 0;
        for (RecallFigures.NoticeCount n : notices) {
            buyers += n.notices();
            reached += n.opened();
            if (RecallNotice.QUEUED.equals(n.status())) {
                notified += n.notices();
            }
            if (n.remedy() != null) {
                chosen.merge(n.remedy(), n.notices(), Long::sum);
            }
        }
        BigDecimal rate = affectedUnits == 0 ? null
                : BigDecimal.valueOf(disposed + refurbished).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(affectedUnits), 1, RoundingMode.HALF_UP);
        return new MarketFigures(country, affectedUnits, buyers, notified, reached, chosen, returned, disposed,
                refurbished, rate);
    }

    private record CostKey(String country, String currency) {
    }

    /**
     * Labels count in the currency of the buyer's units (the store that sold them pays the label), refunds in the
     * refund's currency, each falling back on the other; replacements at the units' price in their currency.
     */
    private List<Cost> costs(Long recallId) {
        Map<CostKey, BigDecimal[]> sums = new TreeMap<>(Comparator.comparing(CostKey::country)
                .thenComparing(CostKey::currency, Comparator.nullsLast(Comparator.naturalOrder())));
        Function<CostKey, BigDecimal[]> zero = k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO};
        for (RecallFigures.BuyerCosts row : queries.buyerCosts(recallId)) {
            if (row.labels() != null) {
                String currency = row.unitCurrency() != null ? row.unitCurrency() : row.remedyCurrency();
                BigDecimal[] sum = sums.computeIfAbsent(new CostKey(row.country(), currency), zero);
                sum[0] = sum[0].add(row.labels());
            }
            if (row.refunds() != null) {
                String currency = row.remedyCurrency() != null ? row.remedyCurrency() : row.unitCurrency();
                BigDecimal[] sum = sums.computeIfAbsent(new CostKey(row.country(), currency), zero);
                sum[1] = sum[1].add(row.refunds());
            }
        }
        for (RecallFigures.ReplacementCosts row : queries.replacementCosts(recallId)) {
            BigDecimal[] sum = sums.computeIfAbsent(new CostKey(row.country(), row.currency()), zero);
            sum[2] = sum[2].add(row.price());
        }
        List<Cost> costs = new ArrayList<>();
        sums.forEach((key, sum) -> costs.add(new Cost(key.country(), key.currency(), sum[0], sum[1], sum[2])));
        return costs;
    }

    private static List<Cost> costTotals(List<Cost> costs) {
        Map<String, Cost> byCurrency = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Cost cost : costs) {
            byCurrency.merge(cost.currency(), new Cost(null, cost.currency(), cost.labels(), cost.refunds(),
                    cost.replacements()), (a, b) -> new Cost(null, a.currency(), a.labels().add(b.labels()),
                            a.refunds().add(b.refunds()), a.replacements().add(b.replacements())));
        }
        return List.copyOf(byCurrency.values());
    }

    private Map<String, Object> model(Recall recall, Figures figures) {
        Instant now = clock.instant();
        Map<String, Object> model = new HashMap<>();
        model.put("final", recall.getState() == RecallState.CLOSED && recall.getClosedAt() != null);
        model.put("generatedAt", time(now));
        model.put("recall", recallModel(recall));
        model.put("remedies", List.of(RecallRemedy.values()).stream().map(Enum::name).toList());
        model.put("markets", figures.countries().stream().map(RecallReport::marketModel).toList());
        model.put("total", marketModel(figures.total()));
        model.put("costs", figures.costs().stream().map(RecallReport::costModel).toList());
        model.put("costTotals", figures.costTotals().stream().map(RecallReport::costModel).toList());
        model.put("plans", plans.findByRecallIdOrderByCountry(recall.getId()).stream().map(RecallReport::planModel)
                .toList());
        model.put("filings", filings.findByRecallIdOrderByDueAt(recall.getId()).stream()
                .map(f -> filingModel(f, now)).toList());
        model.put("delistings", delistings.findByRecallIdOrderByStoreId(recall.getId()).stream()
                .map(RecallReport::delistingModel).toList());
        model.put("events", events.findByRecallIdOrderByAtAscIdAsc(recall.getId()).stream()
                .map(e -> row("at", time(e.getAt()), "kind", e.getKind(), "actor", text(e.getActor()), "detail",
                        text(e.getDetail())))
                .toList());
        return model;
    }

    private static Map<String, Object> recallModel(Recall recall) {
        Map<String, Object> view = row("key", recall.getRecallKey(), "sku", recall.getSku(), "batches",
                String.join(", ", recall.getBatches()), "countries", String.join(", ", recall.getCountries()),
                "stores", recall.getStoreIds().isEmpty() ? "all stores" : String.join(", ", recall.getStoreIds()),
                "reason", recall.getReason(), "source", recall.getSource().name(), "sourceRef",
                text(recall.getSourceRef()), "state", recall.getState().name(), "stage",
                String.valueOf(recall.getStage()), "createdAt", time(recall.getCreatedAt()), "createdBy",
                recall.getCreatedBy(), "notifiedAt", time(recall.getNotifiedAt()), "closedAt",
                time(recall.getClosedAt()), "completionTarget", recall.getCompletionTarget() == null ? ""
                        : percent(recall.getCompletionTarget().multiply(HUNDRED)),
                "rootCause", text(recall.getRootCause()), "correctiveAction", text(recall.getCorrectiveAction()));
        view.put("decision", row("decision", recall.getDecision() == null ? "" : recall.getDecision().name(),
                "by", text(recall.getDecidedBy()), "at", time(recall.getDecidedAt()), "comment",
                text(recall.getDecisionComment())));
        return view;
    }

    private static Map<String, Object> marketModel(MarketFigures m) {
        Map<String, Object> view = row("country", m.country() == null ? "Total" : m.country(), "units",
                String.valueOf(m.affectedUnits()), "buyers", String.valueOf(m.affectedBuyers()), "notified",
                String.valueOf(m.notified()), "reached", String.valueOf(m.reached()), "chosenTotal",
                String.valueOf(m.chosenTotal()), "returned", String.valueOf(m.returned()), "disposed",
                String.valueOf(m.disposed()), "refurbished", String.valueOf(m.refurbished()), "completion",
                m.completionRate() == null ? "n/a" : m.completionRate().toPlainString() + " %");
        Map<String, String> chosen = new LinkedHashMap<>();
        m.chosen().forEach((remedy, count) -> chosen.put(remedy.name(), String.valueOf(count)));
        view.put("chosen", chosen);
        return view;
    }

    private static Map<String, Object> costModel(Cost cost) {
        return row("country", cost.country() == null ? "All" : cost.country(), "currency",
                cost.currency() == null ? "no currency recorded" : cost.currency(), "labels", money(cost.labels()),
                "refunds", money(cost.refunds()), "replacements", money(cost.replacements()), "total",
                money(cost.total()));
    }

    private static Map<String, Object> planModel(RecallMarketPlan plan) {
        return row("country", plan.getCountry(), "authority", text(plan.getAuthority()), "authorityName",
                text(plan.getAuthorityName()), "legalBasis", text(plan.getLegalBasis()), "deadline",
                text(plan.getFilingDeadline()), "remedies", String.join(", ", plan.getRemedies()), "level",
                text(plan.getRecallLevel()), "status", plan.getStatus(), "approvedBy", text(plan.getApprovedBy()),
                "approvedAt", time(plan.getApprovedAt()));
    }

    private static Map<String, Object> filingModel(RecallFiling filing, Instant now) {
        String outcome;
        if (filing.isFiled()) {
            outcome = filing.getFiledAt().isAfter(filing.getDueAt()) ? "missed (filed late)" : "on time";
        } else if (filing.getMissedAt() != null || now.isAfter(filing.getDueAt())) {
            outcome = "missed (not filed)";
        } else {
            outcome = "open";
        }
        return row("authority", filing.getAuthority(), "authorityName", text(filing.getAuthorityName()), "countries",
                String.join(", ", filing.getCountries()), "dueAt", time(filing.getDueAt()), "filedAt",
                time(filing.getFiledAt()), "filedBy", text(filing.getFiledBy()), "reference",
                text(filing.getReference()), "warnedAt", time(filing.getWarnedAt()), "outcome", outcome);
    }

    private static Map<String, Object> delistingModel(RecallDelisting delisting) {
        return row("store", delisting.getStoreId(), "platform", delisting.getPlatform(), "status",
                delisting.getStatus(), "attempts", String.valueOf(delisting.getAttempts()), "delistedAt",
                time(delisting.getDelistedAt()), "relistedAt", time(delisting.getRelistedAt()), "lastError",
                text(delisting.getLastError()));
    }

    /** A template row from name, value pairs (values already text: the template prints them as they are). */
    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** One CSV record: fields with a comma, a double quote or a line break quoted, quotes doubled; CRLF. */
    static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = Objects.requireNonNullElse(fields.get(i), "");
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }
}
