package com.helloword.aftersales.casework.intake.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.platform.PlatformClaimNotice;

/**
 * Amazon's A-to-z Guarantee claims reach the seller only as notification mail in the support mailbox. A mail from
 * one of the configured senders whose subject has one of the claim phrases is a claim notice, not a buyer's
 * message: it becomes a {@link PlatformClaimNotice} (source AMAZON, claim {@code atoz:<order>}) instead of a case.
 * A closing phrase (the claim was withdrawn, closed or decided) marks it closed; phrases in the text say the
 * claim's type. The senders and every phrase are configuration ({@code aftersales.disputes.amazon-mail}): Amazon
 * words its notices per marketplace and changes them.
 */
@Component
class AmazonClaimMails {

    private static final Pattern AMAZON_ORDER = Pattern.compile("\\b(\\d{3}-\\d{7}-\\d{7})\\b");

    private final AmazonClaimMailSettings settings;

    AmazonClaimMails(AmazonClaimMailSettings settings) {
        this.settings = settings;
    }

    /** Whether the mail comes from Amazon's claim notifications at all (sender and subject). */
    boolean isClaimNotice(InboundMail mail) {
        String from = mail.getFromAddress() == null ? "" : mail.getFromAddress().toLowerCase(Locale.ROOT);
        String subject = mail.getSubject() == null ? "" : mail.getSubject().toLowerCase(Locale.ROOT);
        return settings.senders().stream().anyMatch(from::startsWith)
                && settings.subjectPhrases().stream().anyMatch(subject::contains);
    }

    /** The claim the notice is about; empty when it names no Amazon order number (a person reads it then). */
    Optional<PlatformClaimNotice> notice(InboundMail mail, Optional<SalesOrder> order) {
        String text = ((mail.getSubject() == null ? "" : mail.getSubject()) + "\n" + mail.getBody());
        Matcher number = AMAZON_ORDER.matcher(text);
        if (!number.find()) {
            return Optional.empty();
        }
        String orderId = number.group(1);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean closed = settings.closedPhrases().stream().anyMatch(lower::contains);
        String type = settings.notReceivedPhrases().stream().anyMatch(lower::contains) ? "ITEM_NOT_RECEIVED"
                : settings.notAsDescribedPhrases().stream().anyMatch(lower::contains) ? "NOT_AS_DESCRIBED" : "OTHER";
        String storeId = order.filter(o -> o.getPlatformOrderId().equals(orderId)).map(o -> o.getStore().getId())
                .orElse(null);
        return Optional.of(new PlatformClaimNotice("AMAZON", storeId, "atoz:" + orderId, orderId, null, type,
                closed ? "CLOSED" : "OPEN", closed, null, null, null, "A_TO_Z_GUARANTEE"));
    }
}
