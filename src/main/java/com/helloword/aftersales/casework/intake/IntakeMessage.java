package com.helloword.aftersales.casework.intake;

/** A buyer's message as {@code POST /api/intake/messages} takes it (and as the IMAP poller and webhooks hand it on). */
public record IntakeMessage(String storeId, String channel, String externalMessageId, String platformOrderId,
        String buyerEmail, String language, String subject, String body, String receivedAt) {
}
