package com.helloword.aftersales.buyer.erasure;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/** An erasure for a buyer id the case file does not have: 404 naming {@code buyerId}. Nothing was changed. */
class UnknownBuyer extends RejectedRequest {

    UnknownBuyer(long buyerId) {
        super("No personal data erased", List.of(FieldProblem.of("buyerId", "no buyer " + buyerId)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
