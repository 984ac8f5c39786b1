package com.helloword.aftersales.casework.api;

import java.time.Instant;

/**
 * Published (a Spring application event, inside the intake's transaction) when a buyer's message opens a
 * case the grading table calls a safety hazard. The recall capability counts it against the order's SKUs
 * and batches; a listener that fails rolls the intake back, so no case is kept uncounted.
 */
public record SafetyCaseOpened(String caseKey, long orderId, Instant at) {
}
