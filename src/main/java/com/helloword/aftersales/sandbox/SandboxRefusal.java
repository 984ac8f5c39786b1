package com.helloword.aftersales.sandbox;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Ends a sandbox request early with the provider's own error answer (status, body and, where the
 * provider has one, its error media type); each sandbox controller hands it back as the response.
 */
final class SandboxRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResponseEntity<Object> response;

    SandboxRefusal(int status, Object body) {
        this(ResponseEntity.status(HttpStatusCode.valueOf(status)).body(body));
    }

    SandboxRefusal(int status, MediaType type, Object body) {
        this(ResponseEntity.status(HttpStatusCode.valueOf(status)).contentType(type).body(body));
    }

    SandboxRefusal(ResponseEntity<Object> response) {
        super("sandbox answered HTTP " + response.getStatusCode().value(), null, false, false);
        this.response = response;
    }

    ResponseEntity<Object> response() {
        return response;
    }
}
