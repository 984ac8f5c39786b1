package com.helloword.aftersales.orders;

/** One reason a request was refused: the source line (1-based), the field and what is wrong with it. */
public record ImportProblem(int line, String field, String reason) {
}
