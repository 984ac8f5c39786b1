package com.helloword.aftersales.web;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /api} as RFC 7807 problem details that say what to do. */
@RestControllerAdvice(basePackages = "com.helloword.aftersales")
class ApiExceptionHandler {

    @ExceptionHandler(RejectedRequest.class)
    ProblemDetail rejected(RejectedRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.title() != null) {
            problem.setTitle(e.title());
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request changed the same records at the same time; nothing of this request was "
                        + "written. Send it again.");
        problem.setTitle("Concurrent change");
        return problem;
    }
}
