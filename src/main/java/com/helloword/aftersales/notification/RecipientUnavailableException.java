package com.helloword.aftersales.notification;

/** The recipient cannot be mailed (erased buyer, group without addresses): no retry will help. */
class RecipientUnavailableException extends RuntimeException {

    RecipientUnavailableException(String message) {
        super(message);
    }
}
