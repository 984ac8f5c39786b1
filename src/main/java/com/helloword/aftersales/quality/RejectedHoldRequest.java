package com.helloword.aftersales.quality;

import java.util.Map;

import org.springframework.http.HttpStatus;

import com.helloword.aftersales.web.RejectedRequest;

/** A purchasing-hold request that cannot be taken: 404 for an unknown hold, 400 with the reason otherwise. */
class RejectedHoldRequest extends RejectedRequest {

    private final Map<String, String> problems;

    RejectedHoldRequest(Map<String, String> problems) {
        super("The request cannot be taken: " + problems);
        this.problems = Map.copyOf(problems);
    }

    @Override
    public HttpStatus status() {
        return problems.containsKey("holdId") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("problems", problems);
    }
}
