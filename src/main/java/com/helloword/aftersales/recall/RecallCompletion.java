package com.helloword.aftersales.recall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completion rate (units disposed or refurbished / affected units) and stage 4's end: when a scan brings
 * the rate to the recallPolicy table's target, the recall's instance hears aftersales.recallTargetReached.
 */
@Service
class RecallCompletion {

    private static final List<RecallUnitStatus> DONE = List.of(RecallUnitStatus.DISPOSED, RecallUnitStatus.REFURBISHED);

    private final RecallRepository recalls;
    private final RecallUnitRepository units;
    private final RuntimeService runtime;

    RecallCompletion(RecallRepository recalls, RecallUnitRepository units, RuntimeService runtime) {
        this.recalls = recalls;
        this.units = units;
        this.runtime = runtime;
    }

    /** Done units over affected units, 0 to 1 with four decimals; 0 when no unit is affected. */
    @Transactional(readOnly = true)
    public BigDecimal rate(Long recallId) {
        long all = units.countByRecallId(recallId);
        if (all == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(units.countByRecallIdAndStatusIn(recallId, DONE))
                .divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP);
    }

    @Transactional(readOnly = true)
    public boolean targetReached(Long recallId) {
        Recall recall = recalls.findById(recallId).orElseThrow();
        return recall.getCompletionTarget() != null && units.countByRecallId(recallId) > 0
                && rate(recallId).compareTo(recall.getCompletionTarget()) >= 0;
    }

    /** A scan moved units: stage 4 ends once the target is reached (nothing happens before stage 4 waits). */
    @EventListener
    @Transactional
    public void on(RecallUnitsChanged changed) {
        Recall recall = recalls.findById(changed.recallId()).orElse(null);
        if (recall != null && recall.getState() == RecallState.RETURNING && targetReached(recall.getId())) {
            runtime.createMessageCorrelation(RecallProcess.MESSAGE_TARGET_REACHED)
                    .processInstanceBusinessKey(recall.getRecallKey()).correlateAllWithResult();
        }
    }
}
