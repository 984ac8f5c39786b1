package com.helloword.aftersales.recall;

/** What started a recall. */
public enum RecallSource {
    /** A recall manager, through {@code POST /api/recalls} or the Tasklist start form. */
    MANUAL,
    /** A regulator's notice (US CPSC, EU Safety Gate) matched against the catalogue. */
    REGULATOR_NOTICE,
    /** The safety-case signal of a SKU's batch crossed the recallTrigger table's threshold. */
    SIGNAL
}
