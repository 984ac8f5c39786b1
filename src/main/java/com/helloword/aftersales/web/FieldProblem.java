package com.helloword.aftersales.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One reason a request was refused, as every {@code /api} error names it in {@code problems}: the field
 * (a JSON path such as {@code lines[0].quantity}, a CSV column, a query or path parameter, or {@code body}
 * for the request body as a whole), what is wrong with it, and for an import the line of the file (omitted
 * otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"field", "reason", "line"})
public record FieldProblem(String field, String reason, Integer line) {

    public FieldProblem {
        if (field == null || field.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a problem names its field and its reason");
        }
    }

    public static FieldProblem of(String field, String reason) {
        return new FieldProblem(field, reason, null);
    }

    public static FieldProblem atLine(int line, String field, String reason) {
        return new FieldProblem(field, reason, line);
    }

    /** As a clause of a sentence: {@code "line 3, quantity: 'two' is not a whole number"}. */
    String clause() {
        return (line == null ? "" : "line " + line + ", ") + field + ": " + reason;
    }
}
