package com.helloword.aftersales.recall;

import java.util.List;

/**
 * Starting a recall (stage 1 of {@code productRecallProcess}), as the triggers other than by hand call it: a
 * regulator notice's review and the safety-case signal. {@code RecallService} implements it; the triggers know
 * only this port.
 */
public interface RecallStarts {

    /**
     * Starts a recall of {@code command.sku()}'s batches in the countries (and stores, empty = all), in the
     * caller's transaction.
     */
    Recall start(StartRecall command, String startedBy);

    /** What a recall covers and why, and what started it ({@code sourceRef}: the notice or "sku/batch"). */
    record StartRecall(String sku, List<String> batches, List<String> countries, List<String> storeIds,
            String reason, RecallSource source, String sourceRef) {
    }
}
