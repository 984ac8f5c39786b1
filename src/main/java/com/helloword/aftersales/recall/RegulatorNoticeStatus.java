package com.helloword.aftersales.recall;

/** Where a regulator's notice stands with us. */
public enum RegulatorNoticeStatus {
    /** Imported; when it matched products, a recall manager reviews it (userTask_reviewRegulatorNotice). */
    OPEN,
    /** The review started a recall of one of the candidate SKUs. */
    RECALL_STARTED,
    /** The review found it does not concern our products (or no product matched), with a note. */
    DISMISSED
}
