package com.helloword.aftersales.integration;

/**
 * The platform offers no API for this operation (or this adapter does not drive it). Not a failure
 * to retry: the process gives the work to a person, with {@link #whatToDoInstead()}.
 */
public class PlatformCannotException extends RuntimeException {

    private final String platform;
    private final String operation;
    private final String whatToDoInstead;

    public PlatformCannotException(String platform, String operation, String whatToDoInstead) {
        super(platform + " cannot " + operation + " through its API: " + whatToDoInstead);
        this.platform = platform;
        this.operation = operation;
        this.whatToDoInstead = whatToDoInstead;
    }

    public String platform() {
        return platform;
    }

    public String operation() {
        return operation;
    }

    public String whatToDoInstead() {
        return whatToDoInstead;
    }
}
