package com.helloword.aftersales.casework.intake.mail;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.integration.Secret;

/** Where the support mailbox is: the configured IMAP server, else the embedded default's own server. */
@Component
class SupportMailbox {

    static final String EMBEDDED_ADDRESS = "support@helloword.example";

    record Access(String protocol, String host, int port, String username, Secret password, String folder) {

        String name() {
            return username + "@" + host + "/" + folder;
        }
    }

    private final InboundMailProperties properties;
    private final ObjectProvider<GreenMail> embedded;

    SupportMailbox(InboundMailProperties properties, ObjectProvider<GreenMail> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    Optional<Access> access() {
        if (properties.host() != null && !properties.host().isBlank()) {
            return Optional.of(new Access(properties.protocol(), properties.host(), properties.port(),
                    properties.username(), new Secret(properties.password() == null ? "" : properties.password()),
                    properties.folder()));
        }
        GreenMail server = embedded.getIfAvailable();
        if (server == null || server.getImap() == null || !server.getImap().isRunning()) {
            return Optional.empty();
        }
        return Optional.of(new Access("imap", "127.0.0.1", server.getImap().getPort(), EMBEDDED_ADDRESS,
                new Secret("support"), "INBOX"));
    }
}
