package com.helloword.aftersales.recall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * The automatic recall trigger: each safety-hazard case counted against a SKU's batch is kept with its time (in
 * the intake's transaction); after the intake commits, the {@code recallTrigger} table is asked with the batch's
 * cases in the window ({@code aftersales.recall-triggers.window}), its units sold and the cases per 1000 units,
 * and when it says raise and the SKU has no open recall, a recall of that batch starts (source SIGNAL, sourceRef
 * {@code sku/batch}) in the countries it was shipped to. The SKU's guard row is locked meanwhile, so two nodes
 * never start two recalls of one SKU.
 */
@Component
public class RecallTrigger {

    public static final String DECISION_KEY = "recallTrigger";
    /** Who starts a recall the signal raised. */
    static final String STARTED_BY = "recall-signal";

    private static final Logger LOG = LoggerFactory.getLogger(RecallTrigger.class);

    private final RecallSignalCaseRepository cases;
    private final RecallSkuGuardRepository guards;
    private final OpenRecalls openRecalls;
    private final RecallCaseFileFacts facts;
    private final LatestDecisions decisions;
    private final ObjectProvider<RecallStarts> starts;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final Duration window;

    RecallTrigger(RecallSignalCaseRepository cases, RecallSkuGuardRepository guards, OpenRecalls openRecalls,
            RecallCaseFileFacts facts, LatestDecisions decisions, ObjectProvider<RecallStarts> starts,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${aftersales.recall-triggers.window}") Duration window) {
        this.cases = cases;
        this.guards = guards;
        this.openRecalls = openRecalls;
        this.facts = facts;
        this.decisions = decisions;
        this.starts = starts;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.window = window;
    }

    /** The case counts with its time, in the intake's transaction (once per case and batch). */
    @EventListener
    public void counted(RecallSignalCounted counted) {
        if (!cases.existsBySkuAndBatchLotAndCaseKey(counted.sku(), counted.batchLot(), counted.caseKey())) {
            cases.save(new RecallSignalCase(counted));
        }
    }

    /**
     * After the intake committed: asks the table and starts the recall it raises. A failure here leaves the intake
     * as it is (logged); the batch's next case asks again.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void afterCommit(RecallSignalCounted counted) {
        try {
            check(counted.sku(), counted.batchLot());
        } catch (RuntimeException e) {
            LOG.error("The recall trigger of {} batch {} failed; the next safety case asks again", counted.sku(),
                    counted.batchLot(), e);
        }
    }

    /** What the table says of a SKU's batch now (no recall is started by asking). */
    public LatestDecisions.Evaluated evaluate(String sku, String batchLot) {
        Instant since = clock.instant().minus(window);
        long inWindow = cases.countBySkuAndBatchLotAndCountedAtGreaterThanEqual(sku, batchLot, since);
        long unitsSold = RecallSignal.NO_BATCH.equals(batchLot) ? facts.unitsWithoutBatch(sku, RegulatorNotices.SOLD)
                : facts.unitsOfBatch(sku, batchLot, RegulatorNotices.SOLD);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("safetyCases", (int) inWindow);
        inputs.put("unitsSold", unitsSold);
        inputs.put("casesPerThousandUnits", unitsSold == 0 ? null : inWindow * 1000.0 / unitsSold);
        return decisions.evaluate(DECISION_KEY, inputs);
    }

    /**
     * Asks the table for the batch and, when it raises and the SKU has no open recall, starts one. Returns the
     * recall started, if any.
     */
    public Optional<Recall> check(String sku, String batchLot) {
        LatestDecisions.Evaluated decided = newTransaction.execute(tx -> evaluate(sku, batchLot));
        if (!Boolean.TRUE.equals(decided.output("raise"))) {
            return Optional.empty();
        }
        RecallStarts recalls = starts.getIfAvailable();
        if (recalls == null) {
            throw new IllegalStateException("No recall service is deployed to start the recall the signal raised");
        }
        ensureGuard(sku);
        String reason = decided.output("reason");
        return newTransaction.execute(tx -> {
            guards.lock(sku).orElseThrow(() -> new IllegalStateException("No recall guard of " + sku));
            if (openRecalls.exists(sku)) {
                return Optional.<Recall>empty();
            }
            List<String> countries = facts.countriesOfBatch(sku, batchLot, RegulatorNotices.SOLD);
            Recall recall = recalls.start(new RecallStarts.StartRecall(sku, List.of(batchLot), countries, List.of(),
                    "Safety-case signal of batch " + batchLot + ": " + reason, RecallSource.SIGNAL,
                    sku + "/" + batchLot), STARTED_BY);
            LOG.info("The safety-case signal of {} batch {} started recall {}", sku, batchLot, recall.getId());
            return Optional.of(recall);
        });
    }

    private void ensureGuard(String sku) {
        try {
            newTransaction.executeWithoutResult(tx -> {
                if (!guards.existsById(sku)) {
                    guards.saveAndFlush(new RecallSkuGuard(sku));
                }
            });
        } catch (DataIntegrityViolationException anotherNodeWroteIt) {
            LOG.debug("The recall guard of {} was written by another node meanwhile", sku);
        }
    }
}
