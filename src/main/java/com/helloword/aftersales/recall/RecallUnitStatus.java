package com.helloword.aftersales.recall;

/** Where one affected unit is; DISPOSED and REFURBISHED count as done for the completion rate. */
public enum RecallUnitStatus {
    AFFECTED, RECEIVED, INSPECTED, DISPOSED, REFURBISHED;

    public boolean done() {
        return this == DISPOSED || this == REFURBISHED;
    }
}
