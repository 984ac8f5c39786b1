package com.helloword.aftersales.recall;

/** Where a recall stands; the stage (1-5) of the five-stage process follows from it. */
public enum RecallState {
    /** Stage 1: the risk report is made and a recall manager decides GO, NO_GO or MONITOR. */
    ASSESSING(1),
    /** Stage 1: MONITOR was decided; the risk report is made again after the monitoring period. */
    MONITORING(1),
    /** Stage 2: market plans drafted per destination country, waiting for approval. */
    PLANNING(2),
    /** Stage 3: delisting on every store, buyers found and notified. */
    NOTIFYING(3),
    /** Stage 4: buyers choose remedies, units come back and are disposed. */
    RETURNING(4),
    /** Stage 5: root cause entered, report made. */
    CLOSING(5),
    CLOSED(5),
    /** Decided against in stage 1: nothing was delisted or sent. */
    NO_GO(1),
    /** Called off after it started; relisting was offered where the SKU had been delisted. */
    CANCELLED(0);

    private final int stage;

    RecallState(int stage) {
        this.stage = stage;
    }

    public int stage() {
        return stage;
    }

    public boolean finished() {
        return this == CLOSED || this == NO_GO || this == CANCELLED;
    }
}
