package com.helloword.aftersales.casework.escalation;

/** What people write into a case (notes, questions, answers): trimmed, and cut to what the case file keeps. */
final class CaseNotes {

    static final int MAX_NOTE = 4000;

    private CaseNotes() {
    }

    /** The text as kept: stripped, at most {@link #MAX_NOTE} characters; "" for none. */
    static String note(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_NOTE ? trimmed : trimmed.substring(0, MAX_NOTE);
    }
}
