package com.helloword.aftersales.recall;

import static com.helloword.aftersales.recall.RegulatorNoticeProcess.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.casefile.CatalogueProduct;
import com.helloword.aftersales.casefile.CatalogueProductRepository;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * Regulator notices (US CPSC, EU Safety Gate): imported once per source and reference, matched against the
 * catalogue, and, when products match, reviewed by a recall manager ({@code regulatorNoticeProcess}), whose
 * review starts a recall of the chosen SKU through {@link RecallStarts} or dismisses the notice with a note.
 */
@Service
public class RegulatorNotices {

    /** A candidate as the import's report and the stored notice name it. */
    public record CandidateView(String sku, int score, List<String> matchedBy) {
    }

    public record NoticeReport(NoticeSource source, String reference, RegulatorNoticeStatus status,
            boolean alreadyKnown, List<CandidateView> candidates) {
    }

    public record ImportReport(int imported, int alreadyKnown, int matched, int unmatched,
            List<NoticeReport> notices) {
    }

    /** Who closes a notice that matched nothing. */
    static final String SYSTEM = "system";
    static final Set<OrderStatus> SOLD = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final RegulatorNoticeRepository notices;
    private final CatalogueProductRepository catalogue;
    private final RecallCaseFileFacts facts;
    private final NoticeMatcher matcher;
    private final RuntimeService runtime;
    private final ObjectProvider<RecallStarts> starts;
    private final ObjectMapper json;
    private final Clock clock;

    RegulatorNotices(RegulatorNoticeRepository notices, CatalogueProductRepository catalogue,
            RecallCaseFileFacts facts, NoticeMatcher matcher, RuntimeService runtime,
            ObjectProvider<RecallStarts> starts, ObjectMapper json, Clock clock) {
        this.notices = notices;
        this.catalogue = catalogue;
        this.facts = facts;
        this.matcher = matcher;
        this.runtime = runtime;
        this.starts = starts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the notices not known yet and starts a review of each that matched products; a notice known already
     * (by source and reference) is reported with what it matched then, and changes nothing.
     */
    @Transactional
    public ImportReport importNotices(List<IncomingNotice> incoming) {
        List<CatalogueProduct> products = catalogue.findAll();
        List<NoticeReport> reports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int imported = 0;
        int known = 0;
        int matched = 0;
        int unmatched = 0;
        for (IncomingNotice notice : incoming) {
            RegulatorNotice stored = notices.findBySourceAndReference(notice.source(), notice.reference())
                    .orElse(null);
            if (stored != null || !seen.add(notice.label())) {
                known++;
                if (stored != null) {
                    reports.add(new NoticeReport(stored.getSource(), stored.getReference(), stored.getStatus(), true,
                            candidates(stored)));
                }
                continue;
            }
            imported++;
            List<CandidateView> candidates = matcher.match(notice, products).stream()
                    .map(c -> new CandidateView(c.sku(), c.score(), c.matchedBy())).toList();
            stored = notices.saveAndFlush(new RegulatorNotice(notice, write(candidates), clock.instant()));
            if (candidates.isEmpty()) {
                unmatched++;
                stored.dismissed("No catalogue product matched the notice", SYSTEM, clock.instant());
            } else {
                matched++;
                startReview(stored, candidates);
            }
            reports.add(new NoticeReport(stored.getSource(), stored.getReference(), stored.getStatus(), false,
                    candidates));
        }
        return new ImportReport(imported, known, matched, unmatched, reports);
    }

    /** The review task, prefilled with the best candidate, the batches and countries it was sold in, the reason. */
    private void startReview(RegulatorNotice notice, List<CandidateView> candidates) {
        String sku = candidates.get(0).sku();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NOTICE_ID, notice.getId());
        variables.put(VAR_NOTICE_LABEL, notice.getSource() + " " + notice.getReference());
        variables.put(VAR_NOTICE_SUMMARY, summary(notice));
        variables.put(VAR_CANDIDATES, String.join("\n", candidates.stream().map(c -> "- **" + c.sku() + "** (score "
                + c.score() + "): " + String.join(", ", c.matchedBy())).toList()));
        variables.put(VAR_SKU, sku);
        variables.put(VAR_BATCHES, String.join(",", facts.batchesOf(sku, SOLD)));
        variables.put(VAR_COUNTRIES, String.join(",", facts.countriesOf(sku, SOLD)));
        variables.put(VAR_REASON, reason(notice));
        notice.reviewStarted(runtime.startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY_PREFIX + notice.getId(),
                variables).getId());
    }

    private static String summary(RegulatorNotice notice) {
        StringBuilder text = new StringBuilder(notice.getTitle());
        if (notice.getHazard() != null) {
            text.append("\n\nHazard: ").append(notice.getHazard());
        }
        if (notice.getRemedy() != null) {
            text.append("\n\nRemedy: ").append(notice.getRemedy());
        }
        if (notice.getPublishedOn() != null) {
            text.append("\n\nPublished: ").append(notice.getPublishedOn());
        }
        if (notice.getUrl() != null) {
            text.append("\n\n").append(notice.getUrl());
        }
        return text.length() > 3000 ? text.substring(0, 2999) + "…" : text.toString();
    }

    private static String reason(RegulatorNotice notice) {
        String reason = "Regulator notice " + notice.getSource() + " " + notice.getReference() + ": "
                + notice.getTitle() + (notice.getHazard() == null ? "" : ". Hazard: " + notice.getHazard());
        return reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
    }

    /**
     * The review chose to start a recall: the SKU must be one of the notice's candidates, with at least one batch
     * and one country (ISO 3166 alpha-2). Refused with the reason as a form rejection.
     */
    @Transactional
    public void recallChosen(long noticeId, String sku, String batches, String countries, String reason, String by) {
        RegulatorNotice notice = notice(noticeId);
        List<String> skus = candidates(notice).stream().map(CandidateView::sku).toList();
        if (sku == null || !skus.contains(sku.strip())) {
            throw TaskFormRejection.because("Choose the SKU to recall among the candidates (" + String.join(", ", skus)
                    + ")");
        }
        List<String> batchList = list(batches);
        if (batchList.isEmpty()) {
            throw TaskFormRejection.because("Name at least one batch to recall");
        }
        List<String> countryList = list(countries).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        Set<String> isoCountries = Set.of(Locale.getISOCountries());
        List<String> unknown = countryList.stream().filter(c -> !isoCountries.contains(c)).toList();
        if (countryList.isEmpty() || !unknown.isEmpty()) {
            throw TaskFormRejection.because("Name the countries as two-letter codes (DE, FR, US)"
                    + (unknown.isEmpty() ? "" : "; not countries: " + String.join(", ", unknown)));
        }
        if (reason == null || reason.isBlank()) {
            throw TaskFormRejection.because("Give the recall's reason");
        }
        RecallStarts recalls = starts.getIfAvailable();
        if (recalls != null) {
            try { // what the start will refuse (a SKU never sold, a batch too long ...) is said now, not as an incident
                recalls.check(new RecallStarts.StartRecall(sku.strip(), batchList, countryList, List.of(),
                        reason.strip(), RecallSource.REGULATOR_NOTICE, null));
            } catch (RejectedRecall e) {
                throw TaskFormRejection.because(e.getMessage());
            }
        }
        notice.recallChosen(sku.strip(), batchList, countryList, reason.strip(), by, clock.instant());
    }

    /** The review dismissed the notice; a note saying why is required. */
    @Transactional
    public void dismiss(long noticeId, String note, String by) {
        if (note == null || note.isBlank()) {
            throw TaskFormRejection.because("Say why the notice does not concern our products (the note)");
        }
        notice(noticeId).dismissed(note.strip(), by, clock.instant());
    }

    /**
     * Starts the recall the review chose (once: a notice whose recall started is left alone) and returns its id.
     *
     * @throws IllegalStateException when no review chose a recall, or no {@link RecallStarts} is deployed
     */
    @Transactional
    public Long startChosenRecall(long noticeId) {
        RegulatorNotice notice = notice(noticeId);
        if (notice.getStatus() == RegulatorNoticeStatus.RECALL_STARTED) {
            return notice.getRecallId();
        }
        if (notice.getChosenSku() == null) {
            throw new IllegalStateException("Regulator notice " + noticeId + " has no recall chosen");
        }
        RecallStarts recalls = starts.getIfAvailable();
        if (recalls == null) {
            throw new IllegalStateException("No recall service is deployed to start the recall of notice " + noticeId);
        }
        Recall recall = recalls.start(new RecallStarts.StartRecall(notice.getChosenSku(), notice.getChosenBatches(),
                notice.getChosenCountries(), List.of(), notice.getChosenReason(), RecallSource.REGULATOR_NOTICE,
                notice.getSource() + "/" + notice.getReference()), notice.getReviewedBy());
        notice.recallStarted(recall.getId());
        return recall.getId();
    }

    @Transactional(readOnly = true)
    public List<CandidateView> candidates(long noticeId) {
        return candidates(notice(noticeId));
    }

    private RegulatorNotice notice(long noticeId) {
        return notices.findById(noticeId).orElseThrow(() -> new IllegalStateException("No regulator notice "
                + noticeId));
    }

    private List<CandidateView> candidates(RegulatorNotice notice) {
        if (notice.getMatchedSkus() == null) {
            return List.of();
        }
        try {
            return json.readValue(notice.getMatchedSkus(), new TypeReference<List<CandidateView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The candidates of regulator notice " + notice.getId() + " are no JSON", e);
        }
    }

    private String write(List<CandidateView> candidates) {
        try {
            return json.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Candidates cannot be written as JSON", e);
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split("[,;\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
