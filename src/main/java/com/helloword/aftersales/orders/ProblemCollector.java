package com.helloword.aftersales.orders;

import java.util.ArrayList;
import java.util.List;

/** Gathers the problems of one request, keeping the first {@code limit} and counting the rest. */
final class ProblemCollector {

    private final int limit;
    private final List<ImportProblem> kept = new ArrayList<>();
    private int total;

    ProblemCollector(int limit) {
        this.limit = limit;
    }

    void add(int line, String field, String reason) {
        total++;
        if (kept.size() < limit) {
            kept.add(new ImportProblem(line, field, reason));
        }
    }

    int total() {
        return total;
    }

    void throwIfAny() {
        if (total > 0) {
            throw new OrderImportRejectedException(kept, total);
        }
    }

    RowChecker at(int line) {
        return new RowChecker(line, this);
    }
}
