package com.helloword.aftersales.recall;

/** Which regulator's register a notice comes from, and the {@code ?source=} value that names it. */
public enum NoticeSource {
    /** The US Consumer Product Safety Commission's recalls (its Recalls REST web service, JSON). */
    CPSC("cpsc"),
    /** The EU Safety Gate (formerly RAPEX) alerts, as its weekly report export lists them. */
    SAFETY_GATE("safety-gate");

    private final String parameter;

    NoticeSource(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    static java.util.Optional<NoticeSource> ofParameter(String value) {
        return java.util.Arrays.stream(values()).filter(s -> s.parameter.equalsIgnoreCase(value)).findFirst();
    }
}
