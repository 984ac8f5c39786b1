package com.helloword.aftersales.notification;

/** A template is missing or broken: a designer's mistake that no retry will fix. */
public class MailTemplateException extends RuntimeException {

    public MailTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
