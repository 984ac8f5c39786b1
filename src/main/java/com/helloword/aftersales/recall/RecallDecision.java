package com.helloword.aftersales.recall;

/** A recall manager's answer to the risk report (stage 1). */
public enum RecallDecision {
    GO, NO_GO, MONITOR
}
