package com.helloword.aftersales.incident;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** An incident request that cannot be taken: bad input (400) or an unknown incident (404). Nothing was changed. */
class RejectedIncident extends RejectedRequest {

    private final HttpStatus status;

    private RejectedIncident(String lead, List<FieldProblem> problems, HttpStatus status) {
        super(lead, problems);
        this.status = status;
    }

    static RejectedIncident badInput(List<FieldProblem> problems) {
        return new RejectedIncident("The incident cannot be declared", problems, HttpStatus.BAD_REQUEST);
    }

    static RejectedIncident notFound(String id) {
        return new RejectedIncident("No such incident", List.of(FieldProblem.of("id", "no incident " + id)),
                HttpStatus.NOT_FOUND);
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
