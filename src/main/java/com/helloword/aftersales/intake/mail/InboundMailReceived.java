package com.helloword.aftersales.intake.mail;

/**
 * Published after a new buyer mail is stored (after commit). Intake listens to file it into a case;
 * a mail nobody filed stays {@code RECEIVED} and can be filed later, so nothing is lost.
 */
public record InboundMailReceived(long inboundMailId, String fromAddress) {
}
