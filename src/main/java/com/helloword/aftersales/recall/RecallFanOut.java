package com.helloword.aftersales.recall;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage 3's fan-out without one multi-instance over thousands of buyers: the affected buyers become rows
 * (one notice per buyer, one row per unit) in one transaction; then one small process instance per chunk of
 * notices ({@code recallNoticeChunkProcess}) queues that chunk's mail in the outbox in its own job, so chunks
 * run in parallel on any node and no job touches the recall's instance until the last chunk tells it.
 * Notices and outbox rows are written in the same transaction, under idempotency keys: a chunk that runs
 * again after a crash queues nobody twice and misses nobody.
 */
@Service
class RecallFanOut {

    private final RecallRepository recalls;
    private final RecallNoticeRepository notices;
    private final RecallUnitRepository units;
    private final RecallEventRepository events;
    private final AffectedOrders affected;
    private final RecallNoticeMails mails;
    private final RuntimeService runtime;
    private final EntityManager entityManager;
    private final Clock clock;
    private final int chunkSize;

    RecallFanOut(RecallRepository recalls, RecallNoticeRepository notices, RecallUnitRepository units,
            RecallEventRepository events, AffectedOrders affected, RecallNoticeMails mails, RuntimeService runtime,
            EntityManager entityManager, Clock clock, @Value("${aftersales.recall.notice-chunk-size:250}") int chunkSize) {
        this.recalls = recalls;
        this.notices = notices;
        this.units = units;
        this.events = events;
        this.affected = affected;
        this.mails = mails;
        this.runtime = runtime;
        this.entityManager = entityManager;
        this.clock = clock;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("aftersales.recall.notice-chunk-size must be at least 1");
        }
        this.chunkSize = chunkSize;
    }

    /** Makes the notices and units (once: a second call finds them made); returns the number of chunks. */
    @Transactional
    public int findAffectedBuyers(Long recallId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        if (notices.countByRecallId(recallId) > 0) {
            return recall.getChunksTotal();
        }
        Map<Long, List<AffectedOrders.Line>> byBuyer = new LinkedHashMap<>();
        for (AffectedOrders.Line line : affected.lines(recall)) {
            byBuyer.computeIfAbsent(line.buyerId(), b -> new ArrayList<>()).add(line);
        }
        int index = 0;
        int unitsMade = 0;
        int pending = 0;
        for (Map.Entry<Long, List<AffectedOrders.Line>> buyer : byBuyer.entrySet()) {
            List<AffectedOrders.Line> lines = buyer.getValue();
            AffectedOrders.Line first = lines.get(0);
            int unitCount = lines.stream().mapToInt(AffectedOrders.Line::quantity).sum();
            long orderCount = lines.stream().map(AffectedOrders.Line::orderId).distinct().count();
            RecallNotice notice = notices.save(new RecallNotice(recallId, buyer.getKey(), first.country(),
                    first.buyerLanguage(), index / chunkSize, (int) orderCount, unitCount));
            for (AffectedOrders.Line line : lines) {
                for (int n = 1; n <= line.quantity(); n++) {
                    units.save(new RecallUnit(recallId, notice.getId(), RecallUnit.unitRef(line.orderId(),
                            line.lineNo(), n), line.orderId(), line.lineNo(), line.storeId(), recall.getSku(),
                            line.batch(), line.country(), line.unitPrice(), line.currency()));
                    unitsMade++;
                    pending++;
                }
            }
            index++;
            pending++;
            if (pending >= 1000) {
                entityManager.flush();
                entityManager.clear();
                pending = 0;
            }
        }
        int chunks = (index + chunkSize - 1) / chunkSize;
        Recall fresh = recalls.findById(recallId).orElseThrow();
        fresh.fanOut(index, chunks);
        events.save(new RecallEvent(recallId, clock.instant(), "BUYERS_FOUND", null,
                index + " buyers, " + unitsMade + " units, " + chunks + " notice chunks"));
        return chunks;
    }

    /** Starts one chunk instance per chunk for round 0 (notices) or round n (n-th reminder); returns how many. */
    @Transactional
    public int startChunks(Long recallId, int round) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        for (int chunk = 0; chunk < recall.getChunksTotal(); chunk++) {
            runtime.startProcessInstanceByKey(RecallProcess.CHUNK_PROCESS_KEY,
                    recall.getRecallKey() + ":" + round + ":" + chunk,
                    Map.of(RecallProcess.VAR_RECALL_ID, recallId, RecallProcess.VAR_CHUNK_NO, chunk,
                            RecallProcess.VAR_ROUND, round));
        }
        return recall.getChunksTotal();
    }

    /**
     * Queues one chunk's notices (round 0) or reminders (round n, for buyers who have chosen no remedy and had
     * fewer than n reminders). Returns whether this was the last notice chunk of the recall to finish.
     */
    @Transactional
    public boolean queueChunk(Long recallId, int chunkNo, int round) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        if (recall.getState().finished()) {
            return false; // a cancelled recall sends nothing more
        }
        if (round == 0) {
            List<RecallNotice> pending = notices.findByRecallIdAndChunkNoAndStatus(recallId, chunkNo,
                    RecallNotice.PENDING);
            if (pending.isEmpty()) {
                return false; // this chunk was queued and counted before (a chunk run again from Cockpit)
            }
            mails.queueNotices(recall, pending);
            pending.forEach(notice -> notice.queued(clock.instant()));
            recalls.countChunkDone(recallId);
            return recalls.chunksDone(recallId) >= recall.getChunksTotal();
        }
        List<RecallNotice> unanswered = notices.findByRecallIdAndChunkNoAndStatus(recallId, chunkNo,
                RecallNotice.QUEUED).stream().filter(n -> n.getRemedy() == null && n.getRemindersSent() < round)
                .toList();
        mails.queueReminders(recall, unanswered, round);
        unanswered.forEach(notice -> notice.reminded(clock.instant()));
        return false;
    }
}
