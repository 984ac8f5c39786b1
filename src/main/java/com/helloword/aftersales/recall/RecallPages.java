package com.helloword.aftersales.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases behind the buyer's recall page: open it (the buyer is reached, the first time counts) and
 * choose a remedy from the market plan's options, once; the choice publishes {@link RecallRemedyChosen} in the
 * same transaction. Each answers with the page's model: the recall's status for this buyer.
 */
@Service
class RecallPages {

    /** How a choice went; the page says why when it did not. */
    enum Outcome {
        CHOSEN, UNKNOWN, REMEDY_MISSING, REMEDY_NOT_OFFERED, ALREADY_CHOSEN, RECALL_CLOSED
    }

    /** The model's key of the buyer's language (the notice's), in which the page speaks. */
    static final String LANGUAGE = "noticeLanguage";

    record Answer(Outcome outcome, Map<String, Object> model) {
    }

    private final EntityManager entityManager;
    private final RecallRepository recalls;
    private final RecallMarketPlanRepository plans;
    private final RecallUnitRepository units;
    private final RecallBuyerQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecallPages(EntityManager entityManager, RecallRepository recalls, RecallMarketPlanRepository plans,
            RecallUnitRepository units, RecallBuyerQueries queries, ApplicationEventPublisher events, Clock clock) {
        this.entityManager = entityManager;
        this.recalls = recalls;
        this.plans = plans;
        this.units = units;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /** The buyer opened their page: marked reached (first time only); empty when there is no such notice. */
    @Transactional
    public Optional<Map<String, Object>> open(long noticeId) {
        queries.markOpened(noticeId, now());
        return Optional.ofNullable(entityManager.find(RecallNotice.class, noticeId)).map(this::status);
    }

    /** The buyer's choice: recorded and announced when it is one of their plan's options and the first. */
    @Transactional
    public Answer choose(long noticeId, String wanted) {
        RecallNotice notice = entityManager.find(RecallNotice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            return new Answer(Outcome.UNKNOWN, Map.of());
        }
        Recall recall = recallOf(notice);
        Outcome refused = refusal(notice, recall, wanted);
        if (refused != null) {
            notice.opened(now());
            Map<String, Object> model = status(notice);
            model.put("problem", refused.name());
            return new Answer(refused, model);
        }
        RecallRemedy remedy = RecallRemedy.valueOf(wanted);
        notice.choose(remedy, now());
        events.publishEvent(new RecallRemedyChosen(notice.getRecallId(), notice.getId(), remedy));
        Map<String, Object> model = status(notice);
        model.put("chosenNow", true);
        return new Answer(Outcome.CHOSEN, model);
    }

    private Outcome refusal(RecallNotice notice, Recall recall, String wanted) {
        if (notice.getRemedy() != null) {
            return Outcome.ALREADY_CHOSEN;
        }
        if (recall.getState().finished()) {
            return Outcome.RECALL_CLOSED;
        }
        if (wanted == null || wanted.isBlank()) {
            return Outcome.REMEDY_MISSING;
        }
        return offered(notice).contains(wanted) ? null : Outcome.REMEDY_NOT_OFFERED;
    }

    /** The language of the notice's mail, for a page that refuses a link of this server that has expired. */
    @Transactional(readOnly = true)
    public String languageOf(long noticeId) {
        RecallNotice notice = entityManager.find(RecallNotice.class, noticeId);
        return notice == null ? null : notice.getLanguage();
    }

    private List<String> offered(RecallNotice notice) {
        return plans.findByRecallIdAndCountry(notice.getRecallId(), notice.getCountry())
                .map(RecallMarketPlan::getRemedies).orElse(List.of());
    }

    private Recall recallOf(RecallNotice notice) {
        return recalls.findById(notice.getRecallId())
                .orElseThrow(() -> new IllegalStateException("Notice " + notice.getId() + " has no recall"));
    }

    /** What the page shows: the affected orders and units, the remedy, the label, the units back and disposed. */
    private Map<String, Object> status(RecallNotice notice) {
        Recall recall = recallOf(notice);
        List<RecallNoticeLine> lines = queries.linesOf(notice.getId());
        List<RecallUnit> affected = units.findByNoticeIdOrderByUnitRef(notice.getId());
        Map<String, Object> model = new HashMap<>();
        model.put("noticeId", notice.getId());
        model.put(LANGUAGE, notice.getLanguage() == null ? "" : notice.getLanguage());
        model.put("recallKey", recall.getRecallKey());
        model.put("sku", recall.getSku());
        model.put("hazard", recall.getReason() == null ? "" : recall.getReason());
        model.put("product", lines.isEmpty() ? recall.getSku() : lines.get(0).product());
        model.put("orders", RecallNoticeMails.orders(lines));
        model.put("units", affected.size());
        model.put("received", affected.stream().filter(u -> u.getReceivedAt() != null).count());
        model.put("disposed", affected.stream().filter(u -> u.getStatus().done()).count());
        model.put("closed", recall.getState().finished());
        if (notice.getRemedy() != null) {
            model.put("remedy", notice.getRemedy().name());
        } else if (!recall.getState().finished()) {
            model.put("remedies", offered(notice));
        }
        if (notice.getLabelTracking() != null) {
            model.put("labelTracking", notice.getLabelTracking());
            model.put("labelCarrier", notice.getLabelCarrier() == null ? "" : notice.getLabelCarrier());
        }
        model.put("remedyDone", notice.getRemedyDoneAt() != null);
        if (!lines.isEmpty()) {
            model.put("storeName", lines.get(0).storeName());
        }
        return model;
    }

    private Instant now() {
        return clock.instant();
    }
}
