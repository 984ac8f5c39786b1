package com.helloword.aftersales.recall;

import java.time.Instant;

/** A safety-hazard case counted against a SKU's batch (batch "-" when the order line names none), in the intake's transaction. */
public record RecallSignalCounted(String sku, String batchLot, String caseKey, Instant at) {
}
