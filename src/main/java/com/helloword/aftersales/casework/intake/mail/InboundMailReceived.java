package com.helloword.aftersales.casework.intake.mail;

/**
 * Published after a new buyer mail is stored (after commit); {@link InboundMailFiling} files it into a
 * case. A mail that could not be filed stays {@code RECEIVED} and is tried again after each poll.
 */
public record InboundMailReceived(long inboundMailId, String fromAddress) {
}
