package com.helloword.aftersales.web;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.helloword.aftersales.casefile.importing.OrderImportRejectedException;
import com.helloword.aftersales.intake.IntakeRejectedException;

/** Errors of {@code /api} as RFC 7807 problem details that say what to do. */
@RestControllerAdvice(basePackages = "com.helloword.aftersales")
class ApiExceptionHandler {

    @ExceptionHandler(OrderImportRejectedException.class)
    ProblemDetail importRejected(OrderImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Import rejected");
        problem.setProperty("totalProblems", e.getTotalProblems());
        problem.setProperty("problems", e.getProblems());
        return problem;
    }

    @ExceptionHandler(IntakeRejectedException.class)
    ProblemDetail intakeRejected(IntakeRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Message rejected");
        problem.setProperty("problems", e.getProblems());
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
