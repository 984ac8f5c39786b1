package com.helloword.aftersales.casework.intake.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The support mailbox that Amazon and eBay relay buyer mail to. With no host set, the embedded
 * default's own mail server is read (its {@code support@} mailbox).
 */
@ConfigurationProperties("aftersales.mail.inbound")
public record InboundMailProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean pollEnabled,
        @DefaultValue("imaps") String protocol,
        String host,
        @DefaultValue("993") int port,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("50") int batchSize) {
}
