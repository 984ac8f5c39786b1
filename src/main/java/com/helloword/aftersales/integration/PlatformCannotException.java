package com.helloword.aftersales.integration;

/**
 * The platform offers no API for this operation (or this adapter does not drive it). Not a failure
 * to retry: the process gives the work to a person, with {@link #insteadAdvice()}.
 */
public class PlatformCannotException extends RuntimeException {

    private final String platform;
    private final String operation;
    private final String insteadAdvice;

    public PlatformCannotException(String platform, String operation, String insteadAdvice) {
        super(platform + " cannot " + operation + " through its API: " + insteadAdvice);
        this.platform = platform;
        this.operation = operation;
        this.insteadAdvice = insteadAdvice;
    }

    public String platform() {
        return platform;
    }

    public String operation() {
        return operation;
    }

    public String insteadAdvice() {
        return insteadAdvice;
    }
}
