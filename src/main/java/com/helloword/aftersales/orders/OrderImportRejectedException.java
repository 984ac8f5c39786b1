package com.helloword.aftersales.orders;

import java.util.List;
import java.util.Map;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** The request had malformed rows; nothing of it was written. Each problem names its line of the file. */
public class OrderImportRejectedException extends RejectedRequest {

    private final int totalProblems;

    OrderImportRejectedException(List<ImportProblem> problems, int totalProblems) {
        super(totalProblems + " problem(s) in the import; nothing was written", problems.stream()
                .map(p -> FieldProblem.atLine(p.line(), p.field(), p.reason())).toList(), totalProblems);
        this.totalProblems = totalProblems;
    }

    public int getTotalProblems() {
        return totalProblems;
    }

    @Override
    public String title() {
        return "Import rejected";
    }

    /** The problems listed are the first ones; {@code totalProblems} counts them all. */
    @Override
    public Map<String, Object> properties() {
        return Map.of("totalProblems", totalProblems);
    }
}
