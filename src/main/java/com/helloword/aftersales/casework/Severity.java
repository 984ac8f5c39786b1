package com.helloword.aftersales.casework;

/** The grade of a case: RED needs action within minutes, BLUE within a day. */
public enum Severity {
    RED, YELLOW, BLUE
}
