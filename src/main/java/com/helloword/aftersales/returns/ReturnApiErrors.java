package com.helloword.aftersales.returns;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request the returns API cannot take, as the answer: 404 when what it names does not exist (a
 * return, a buyer, a store, a purchasing hold), 400 with the reason per field otherwise.
 */
@RestControllerAdvice(assignableTypes = {ReturnController.class, PurchasingController.class})
class ReturnApiErrors {

    /** The fields whose problem means "there is no such thing". */
    private static final Set<String> NOT_FOUND = Set.of("returnKey", "buyerId", "storeId", "holdId");

    @ExceptionHandler(ReturnService.RejectedReturn.class)
    ResponseEntity<ProblemDetail> rejected(ReturnService.RejectedReturn e) {
        HttpStatus status = e.problems().keySet().stream().anyMatch(NOT_FOUND::contains) ? HttpStatus.NOT_FOUND
                : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.status(status).body(problem);
    }
}
