package com.helloword.aftersales.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * A request an {@code /api} use case cannot take, with its reasons field by field; nothing of it was
 * written. Each capability says its own reasons by extending this; {@link ApiExceptionHandler} answers all
 * of them as the one problem shape ({@code type, title, status, detail, problems: [{field, reason, line?}]}),
 * so no capability needs its own error advice or its own shape.
 */
public abstract class RejectedRequest extends RuntimeException {

    /** How many problems {@link #sentence} names before it says "and N more". */
    static final int NAMED_IN_DETAIL = 3;

    private final transient List<FieldProblem> problems;

    /**
     * @param lead     what was refused, as the start of a sentence ("The return cannot be taken")
     * @param problems at least one
     */
    protected RejectedRequest(String lead, List<FieldProblem> problems) {
        this(lead, problems, problems.size());
    }

    /** As above, for a request with more problems ({@code total}) than it keeps. */
    protected RejectedRequest(String lead, List<FieldProblem> problems, int total) {
        super(sentence(lead, problems, total));
        this.problems = List.copyOf(problems);
    }

    /** The reasons, in the order the request has them. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** 400 unless what the request names does not exist. */
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    /** The problem's title, or null for the status's own phrase. */
    public String title() {
        return null;
    }

    /** Members of the answer besides the standard ones and {@code problems} (none unless a capability says). */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /**
     * The human sentence of the answer's {@code detail}: the lead, then the first problems
     * ({@code "The return cannot be taken (reason: 'FOO' is not one of ...; and 2 more)."}).
     */
    static String sentence(String lead, List<FieldProblem> problems, int total) {
        if (problems.isEmpty()) {
            return lead + ".";
        }
        String named = problems.stream().limit(NAMED_IN_DETAIL).map(FieldProblem::clause)
                .collect(Collectors.joining("; "));
        int more = total - Math.min(problems.size(), NAMED_IN_DETAIL);
        return lead + " (" + named + (more > 0 ? "; and " + more + " more" : "") + ").";
    }
}
