package com.helloword.aftersales.recall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;

/**
 * The buyer's recall notice and its reminders, queued through the outbox in the caller's transaction (the
 * chunk job's): one notice per buyer listing all their affected orders, in the buyer's language, in the
 * template of their market's plan ({@code recall-notice-gpsr} in the EU, {@code recall-notice} elsewhere, as
 * the recallMarketRules table says), with the link to their personal recall page. The model carries ids and
 * small values only; the buyer's name is filled in when the mail goes out.
 * <p>
 * Cheap per notice, since a recall queues thousands in chunks: nothing is rendered here (the relay renders
 * at send time, from Freemarker's template cache); the market plans are read once per recall and transaction;
 * a chunk's affected lines are one query ({@link RecallBuyerQueries#linesOfNotices}), its keys queued already
 * one more ({@link OutboxService#queueAll}), its new outbox rows batched inserts: no query per notice, so no
 * flush of the chunk's persistence context per notice either.
 */
@Component
public class RecallNoticeMails {

    static final String REMINDER_TEMPLATE = "recall-reminder";
    /** Notices per look-up of their lines: well inside every database's limit for an IN list. */
    static final int NOTICES_PER_QUERY = 500;

    private final OutboxService outbox;
    private final RecallMarketPlanRepository plans;
    private final RecallBuyerQueries queries;
    private final BuyerLinks links;

    RecallNoticeMails(OutboxService outbox, RecallMarketPlanRepository plans, RecallBuyerQueries queries,
            BuyerLinks links) {
        this.outbox = outbox;
        this.plans = plans;
        this.queries = queries;
        this.links = links;
    }

    /** The notice of one affected buyer: queued once ({@code recall:<recallKey>:notice:<buyerId>}). */
    @Transactional
    public void queueNotice(Recall recall, RecallNotice notice) {
        queueNotices(recall, List.of(notice));
    }

    /**
     * The notices of many buyers (a chunk's), each queued once: their lines in one query, the keys queued already
     * in one, the new outbox rows inserted in batches. Returns how many were new.
     */
    @Transactional
    public int queueNotices(Recall recall, List<RecallNotice> notices) {
        Map<Long, List<RecallNoticeLine>> lines = linesOf(notices);
        List<MailRequest> requests = new ArrayList<>(notices.size());
        for (RecallNotice notice : notices) {
            RecallMarketPlan plan = planOf(recall, notice);
            if (plan.getNoticeTemplate() == null || plan.getNoticeTemplate().isBlank()) {
                throw new IllegalStateException("The market plan of " + recall.getRecallKey() + " for "
                        + notice.getCountry() + " names no notice template");
            }
            requests.add(request(noticeKey(recall, notice), plan.getNoticeTemplate(),
                    model(recall, notice, plan, lines.getOrDefault(notice.getId(), List.of())), notice));
        }
        return outbox.queueAll(requests);
    }

    /** Reminder {@code round} (1, 2, ...) to a buyer who has not reacted: queued once per round. */
    @Transactional
    public void queueReminder(Recall recall, RecallNotice notice, int round) {
        queueReminders(recall, List.of(notice), round);
    }

    /** {@link #queueReminder} for many buyers (a chunk's) at once, as {@link #queueNotices} does. */
    @Transactional
    public int queueReminders(Recall recall, List<RecallNotice> notices, int round) {
        if (round < 1) {
            throw new IllegalArgumentException("Reminder rounds start at 1, not " + round);
        }
        Map<Long, List<RecallNoticeLine>> lines = linesOf(notices);
        List<MailRequest> requests = new ArrayList<>(notices.size());
        for (RecallNotice notice : notices) {
            Map<String, Object> model = model(recall, notice, planOf(recall, notice),
                    lines.getOrDefault(notice.getId(), List.of()));
            model.put("round", round);
            requests.add(request(reminderKey(recall, notice, round), REMINDER_TEMPLATE, model, notice));
        }
        return outbox.queueAll(requests);
    }

    /** The affected lines of the notices, by notice: one query per {@value #NOTICES_PER_QUERY} notices. */
    private Map<Long, List<RecallNoticeLine>> linesOf(List<RecallNotice> notices) {
        List<Long> ids = notices.stream().map(RecallNotice::getId).toList();
        Map<Long, List<RecallNoticeLine>> byNotice = new HashMap<>();
        for (int from = 0; from < ids.size(); from += NOTICES_PER_QUERY) {
            for (RecallChunkLine line : queries.linesOfNotices(ids.subList(from, Math.min(ids.size(),
                    from + NOTICES_PER_QUERY)))) {
                byNotice.computeIfAbsent(line.noticeId(), id -> new ArrayList<>()).add(line.line());
            }
        }
        return byNotice;
    }

    static String noticeKey(Recall recall, RecallNotice notice) {
        return "recall:" + recall.getRecallKey() + ":notice:" + notice.getBuyerId();
    }

    static String reminderKey(Recall recall, RecallNotice notice, int round) {
        return "recall:" + recall.getRecallKey() + ":reminder:" + round + ":" + notice.getBuyerId();
    }

    private static MailRequest request(String key, String template, Map<String, Object> model, RecallNotice notice) {
        return new MailRequest(key, null, template, notice.getLanguage(), RecipientType.BUYER,
                notice.getBuyerId().toString(), model);
    }

    private Map<String, Object> model(Recall recall, RecallNotice notice, RecallMarketPlan plan,
            List<RecallNoticeLine> lines) {
        Map<String, Object> model = new HashMap<>();
        model.put("recallKey", recall.getRecallKey());
        model.put("sku", recall.getSku());
        model.put("hazard", recall.getReason() == null ? "" : recall.getReason());
        model.put("product", lines.isEmpty() ? recall.getSku() : lines.get(0).product());
        model.put("orders", orders(lines));
        model.put("units", lines.stream().mapToLong(RecallNoticeLine::units).sum());
        model.put("remedies", plan.getRemedies());
        model.put("pageUrl", links.recallPageUrl(notice.getId(), notice.getLanguage()));
        if (!lines.isEmpty()) {
            model.put("storeName", lines.get(0).storeName());
        }
        return model;
    }

    /** One entry per order: its number, store, product, batches and units (an order may hold two lines). */
    static List<Map<String, Object>> orders(List<RecallNoticeLine> lines) {
        Map<Long, Map<String, Object>> byOrder = new LinkedHashMap<>();
        for (RecallNoticeLine line : lines) {
            Map<String, Object> order = byOrder.computeIfAbsent(line.orderId(), id -> {
                Map<String, Object> fresh = new HashMap<>();
                fresh.put("orderId", line.platformOrderId());
                fresh.put("storeName", line.storeName());
                fresh.put("title", line.product());
                fresh.put("batches", new ArrayList<String>());
                fresh.put("units", 0L);
                return fresh;
            });
            @SuppressWarnings("unchecked")
            List<String> batches = (List<String>) order.get("batches");
            if (line.batchLot() != null && !batches.contains(line.batchLot())) {
                batches.add(line.batchLot());
            }
            order.put("units", (Long) order.get("units") + line.units());
        }
        return new ArrayList<>(byOrder.values());
    }

    /**
     * The notice's market plan. The plans of a recall are read once per transaction (a chunk of notices is one
     * transaction, its notices share a handful of countries), not once per notice.
     */
    private RecallMarketPlan planOf(Recall recall, RecallNotice notice) {
        Map<String, RecallMarketPlan> byCountry = TransactionSynchronizationManager.isSynchronizationActive()
                ? plansInTransaction().computeIfAbsent(recall.getId(), this::load) : load(recall.getId());
        RecallMarketPlan plan = byCountry.get(notice.getCountry());
        if (plan == null) {
            throw new IllegalStateException("Recall " + recall.getRecallKey() + " has no market plan for "
                    + notice.getCountry());
        }
        return plan;
    }

    private Map<String, RecallMarketPlan> load(Long recallId) {
        Map<String, RecallMarketPlan> byCountry = new HashMap<>();
        plans.findByRecallIdOrderByCountry(recallId).forEach(plan -> byCountry.put(plan.getCountry(), plan));
        return byCountry;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Map<String, RecallMarketPlan>> plansInTransaction() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (Map<Long, Map<String, RecallMarketPlan>>) bound;
        }
        Map<Long, Map<String, RecallMarketPlan>> fresh = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(RecallNoticeMails.this);
            }
        });
        return fresh;
    }
}
