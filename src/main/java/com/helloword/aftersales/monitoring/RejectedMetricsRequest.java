package com.helloword.aftersales.monitoring;

import java.util.List;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** A drill-down with a parameter the metrics do not know: 400 naming it. */
class RejectedMetricsRequest extends RejectedRequest {

    RejectedMetricsRequest(List<FieldProblem> problems) {
        super("The metrics cannot be listed", problems);
    }
}
