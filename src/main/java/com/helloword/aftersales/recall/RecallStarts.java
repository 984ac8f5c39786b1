package com.helloword.aftersales.recall;

import java.util.List;

/** Starts a product recall (stage 1: trigger and assess), whatever raised it. */
public interface RecallStarts {

    /**
     * Registers the recall and starts {@code productRecallProcess}; the risk report follows at once.
     *
     * @throws RejectedRecall when the command is not a recall (nothing started)
     */
    Recall start(StartRecall command, String startedBy);

    /**
     * The command as {@link #start} would take it (tidied), without starting anything: for a form that must say
     * at once what is wrong with it.
     *
     * @throws RejectedRecall with every reason the command is not a recall
     */
    StartRecall check(StartRecall command);

    /**
     * What a recall covers: a SKU, its batches, destination countries (ISO 3166 alpha-2) and optionally stores
     * (none: every store), and why.
     */
    record StartRecall(String sku, List<String> batches, List<String> countries, List<String> storeIds,
            String reason, RecallSource source, String sourceRef) {
    }
}
