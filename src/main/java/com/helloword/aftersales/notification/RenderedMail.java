package com.helloword.aftersales.notification;

/** A mail ready to send: subject, HTML body, the plain-text alternative and the language it is in. */
public record RenderedMail(String subject, String html, String text, String language) {
}
