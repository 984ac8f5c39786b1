package com.helloword.aftersales.orders;

import java.util.Map;

import java.util.List;

import com.helloword.aftersales.web.RejectedRequest;

/** The request had malformed rows; nothing of it was written. */
public class OrderImportRejectedException extends RejectedRequest {

    private final transient List<ImportProblem> problems;
    private final int totalProblems;

    OrderImportRejectedException(List<ImportProblem> problems, int totalProblems) {
        super(totalProblems + " problem(s) in the import; nothing was written. First: line "
                + problems.get(0).line() + ", " + problems.get(0).field() + ": " + problems.get(0).reason());
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    public List<ImportProblem> getProblems() {
        return problems;
    }

    public int getTotalProblems() {
        return totalProblems;
    }

    @Override
    public String title() {
        return "Import rejected";
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("totalProblems", totalProblems, "problems", problems);
    }
}
