package com.helloword.aftersales.notification;

import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded default's mail server: an in-process SMTP and IMAP server on localhost that keeps
 * every mail the system sends, so a newcomer sees real mail without installing anything. Spring
 * Mail talks real SMTP to it; mail sent to {@code support@helloword.example} is read back over IMAP
 * like a real support mailbox. Port 0 picks a free port (used by the tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftersales.mail.embedded-smtp.enabled", havingValue = "true")
class EmbeddedSmtpServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtp(@Value("${aftersales.mail.embedded-smtp.port}") int port,
            @Value("${aftersales.mail.embedded-smtp.imap-port:3143}") int imapPort) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        // every address that receives mail gets a mailbox; the support@ mailbox is read back over IMAP
        return new GreenMail(new ServerSetup[] {port == 0 ? smtp.dynamicPort() : smtp,
                imapPort == 0 ? imap.dynamicPort() : imap})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Bean
    JavaMailSender mailSender(GreenMail embeddedSmtp, @Value("${aftersales.mail.embedded-smtp.port}") int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            public int getPort() {
                // a free port is known only once the server runs; while it is stopped, sending fails like SMTP down
                var smtp = embeddedSmtp.getSmtp();
                return smtp == null || !smtp.isRunning() ? port : smtp.getPort();
            }
        };
        sender.setHost("127.0.0.1");
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        return sender;
    }
}
