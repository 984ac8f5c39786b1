package com.helloword.aftersales.casework.intake;

import java.util.List;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** A message intake cannot take: the reasons, field by field; nothing was stored. */
public class IntakeRejectedException extends RejectedRequest {

    public record Problem(String field, String reason) {
    }

    IntakeRejectedException(List<Problem> problems) {
        super("The message was not taken in", problems.stream().map(p -> FieldProblem.of(p.field(), p.reason()))
                .toList());
    }

    @Override
    public String title() {
        return "Message rejected";
    }
}
