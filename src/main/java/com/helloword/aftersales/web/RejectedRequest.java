package com.helloword.aftersales.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request an {@code /api} use case cannot take, with its reasons; nothing of it was written. Each
 * capability says its own reasons by extending this; {@link ApiExceptionHandler} answers all of them as
 * RFC 7807 problem details, so no capability needs its own error advice.
 */
public abstract class RejectedRequest extends RuntimeException {

    protected RejectedRequest(String message) {
        super(message);
    }

    /** 400 unless what the request names does not exist. */
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    /** The problem's title, or null for the status's own phrase. */
    public String title() {
        return null;
    }

    /** The problem details' extra members: at least {@code problems}. */
    public abstract Map<String, Object> properties();
}
