package com.helloword.aftersales.monitoring;

import java.time.Instant;

/** One case of a drill-down: ids and grades only, never the buyer's name, address, e-mail or text. */
public record MetricsCase(String caseKey, String severity, String category, String storeId, String team,
        String status, Instant openedAt, String processInstanceId) {
}
