package com.helloword.aftersales.notification;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server takes mail, at {@code /actuator/health/mail}. Unreachable SMTP is not an outage:
 * the outbox keeps the mail and the relay sends it once the server is back, so this reports
 * {@link #DEGRADED}, which the status order (application.yaml) ranks below UP; the application's health stays
 * UP (200) and a load balancer keeps sending requests. Replaces Spring Boot's mail indicator, which says DOWN
 * and turns {@code /actuator/health} into a 503.
 */
@Component("mailHealthIndicator")
class MailHealthIndicator implements HealthIndicator {

    /** SMTP does not answer; mail waits in the outbox. Maps to 200. */
    static final Status DEGRADED = new Status("DEGRADED", "SMTP unreachable; mail waits in the outbox");

    private final ObjectProvider<JavaMailSender> mailSender;

    MailHealthIndicator(ObjectProvider<JavaMailSender> mailSender) {
        this.mailSender = mailSender;
    }

    @Override
    public Health health() {
        if (!(mailSender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
            return Health.unknown().withDetail("smtp", "no SMTP server configured").build();
        }
        Health.Builder health = Health.status(Status.UP).withDetail("smtp", smtp.getHost() + ":" + smtp.getPort());
        try {
            smtp.testConnection();
            return health.build();
        } catch (MessagingException e) {
            return health.status(DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
