package com.helloword.aftersales.buyer.erasure;

/** What an erased buyer's data is replaced with. */
public final class ErasureMarks {

    /** Stands where a name, a subject, a body or a note was. */
    public static final String ERASED = "[erased]";

    private ErasureMarks() {
    }

    /** The address an erased buyer keeps: unique (the column is), and no mail server accepts it. */
    public static String email(long buyerId) {
        return "erased-" + buyerId + "@invalid";
    }

    public static boolean isErased(long buyerId, String email) {
        return email(buyerId).equals(email);
    }
}
