package com.helloword.aftersales.quality;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** A purchasing-hold request that cannot be taken: 404 for an unknown hold, 400 with the reason otherwise. */
class RejectedHoldRequest extends RejectedRequest {

    private RejectedHoldRequest(String lead, FieldProblem problem) {
        super(lead, List.of(problem));
    }

    static RejectedHoldRequest noHold(long holdId) {
        return new RejectedHoldRequest("Not found", FieldProblem.of("holdId", "no purchasing hold " + holdId));
    }

    static RejectedHoldRequest because(String field, String reason) {
        return new RejectedHoldRequest("The purchasing-hold request cannot be taken", FieldProblem.of(field, reason));
    }

    @Override
    public HttpStatus status() {
        return problems().stream().anyMatch(p -> p.field().equals("holdId")) ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST;
    }
}
