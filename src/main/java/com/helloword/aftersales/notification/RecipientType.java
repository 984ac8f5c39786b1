package com.helloword.aftersales.notification;

/**
 * How an outbox row names its recipient. The address itself is looked up when the mail is sent,
 * so the outbox holds no buyer address and an erased buyer gets no mail.
 */
public enum RecipientType {
    /** recipient ref = buyer id in the case file */
    BUYER,
    /** recipient ref = a Camunda group id; every member with an e-mail address gets the mail */
    GROUP,
    /** recipient ref = a literal address of the seller's own (a team mailbox), never a buyer's */
    ADDRESS
}
