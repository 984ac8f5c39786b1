package com.helloword.aftersales.dispute;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * A dispute request that cannot be taken: bad input (400), an unknown order or dispute (404), a decision above
 * anyone's limit (422, the hard cap of the remedyApproval table), above the caller's own limit or by the wrong
 * person (403, with {@code limitPercent} where a limit refused it), or a step the dispute is not waiting for (409).
 * Nothing was changed.
 */
public class RejectedDispute extends RejectedRequest {

    private final HttpStatus status;
    private final Map<String, Object> properties;

    private RejectedDispute(String lead, List<FieldProblem> problems, HttpStatus status, Map<String, Object> properties) {
        super(lead, problems);
        this.status = status;
        this.properties = properties;
    }

    static RejectedDispute badInput(String lead, List<FieldProblem> problems) {
        return new RejectedDispute(lead, problems, HttpStatus.BAD_REQUEST, Map.of());
    }

    static RejectedDispute notFound(String lead, String field, String reason) {
        return new RejectedDispute(lead, List.of(FieldProblem.of(field, reason)), HttpStatus.NOT_FOUND, Map.of());
    }

    static RejectedDispute notNow(String lead, Dispute dispute, String reason) {
        return new RejectedDispute(lead, List.of(FieldProblem.of("state", "dispute " + dispute.getKey() + " is "
                + dispute.getState() + ": " + reason)), HttpStatus.CONFLICT, Map.of());
    }

    /** Nobody may approve it: the table's hard cap. */
    static RejectedDispute beyondCap(String reason) {
        return new RejectedDispute("The decision cannot be taken", List.of(FieldProblem.of("percentOfOrder", reason)),
                HttpStatus.UNPROCESSABLE_ENTITY, Map.of());
    }

    /** Within the cap, above the caller's own limit. */
    static RejectedDispute aboveOwnLimit(String reason, int limitPercent) {
        return new RejectedDispute("The decision is above your limit", List.of(FieldProblem.of("percentOfOrder",
                reason)), HttpStatus.FORBIDDEN, Map.of("limitPercent", limitPercent));
    }

    static RejectedDispute forbidden(String lead, String reason) {
        return new RejectedDispute(lead, List.of(FieldProblem.of("caller", reason)), HttpStatus.FORBIDDEN, Map.of());
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
