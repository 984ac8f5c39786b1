package com.helloword.aftersales.casework.intake;

import java.util.Map;

import java.util.List;

import com.helloword.aftersales.web.RejectedRequest;

/** A message intake cannot take: the reasons, field by field; nothing was stored. */
public class IntakeRejectedException extends RejectedRequest {

    public record Problem(String field, String reason) {
    }

    private final transient List<Problem> problems;

    IntakeRejectedException(List<Problem> problems) {
        super("The message was not taken in: " + problems.get(0).field() + " " + problems.get(0).reason()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> getProblems() {
        return problems;
    }

    @Override
    public String title() {
        return "Message rejected";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("problems", problems);
    }
}
