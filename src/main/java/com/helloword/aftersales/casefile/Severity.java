package com.helloword.aftersales.casefile;

/** The grade of a case: RED needs action within minutes, BLUE within a day. */
public enum Severity {
    RED, YELLOW, BLUE
}
