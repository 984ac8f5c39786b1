package com.helloword.aftersales.integration;

import java.util.Objects;

/** A credential. Prints as stars, so it cannot end up in a log line or an exception message by accident. */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value, for the one place that puts it on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
