package com.helloword.aftersales.casework.intake.mail;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The words that make a notification mail a claim notice, and what it says. */
@ConfigurationProperties("aftersales.disputes.amazon-mail")
record AmazonClaimMailSettings(List<String> senders, List<String> subjectPhrases, List<String> closedPhrases,
        List<String> notReceivedPhrases, List<String> notAsDescribedPhrases) {

    AmazonClaimMailSettings {
        senders = lower(senders);
        subjectPhrases = lower(subjectPhrases);
        closedPhrases = lower(closedPhrases);
        notReceivedPhrases = lower(notReceivedPhrases);
        notAsDescribedPhrases = lower(notAsDescribedPhrases);
    }

    private static List<String> lower(List<String> words) {
        return words == null ? List.of() : words.stream().filter(w -> w != null && !w.isBlank())
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
