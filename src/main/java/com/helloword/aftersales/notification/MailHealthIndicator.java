package com.helloword.aftersales.notification;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
    private final Duration recheck;
    private final AtomicReference<Checked> last = new AtomicReference<>();
    private final AtomicBoolean checking = new AtomicBoolean();

    private record Checked(Health health, long atNanos) {
    }

    MailHealthIndicator(ObjectProvider<JavaMailSender> mailSender,
            @Value("${aftersales.health.mail-recheck:PT5S}") Duration recheck) {
        this.mailSender = mailSender;
        this.recheck = recheck;
    }

    /**
     * The state of the last check, never waiting for SMTP: a server that drops packets would hold a probe
     * for the whole connection timeout and a load balancer would take the node out. A check older than
     * {@code aftersales.health.mail-recheck} starts a new one in the background, one at a time.
     */
    @Override
    public Health health() {
        Checked checked = last.get();
        if ((checked == null || System.nanoTime() - checked.atNanos() > recheck.toNanos())
                && checking.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    last.set(new Checked(check(), System.nanoTime()));
                } finally {
                    checking.set(false);
                }
            });
        }
        return checked == null ? Health.unknown().withDetail("smtp", "not checked yet").build() : checked.health();
    }

    private Health check() {
        if (!(mailSender.getIfAvailable() instanceof JavaMailSenderImpl smtp)) {
            return Health.unknown().withDetail("smtp", "no SMTP server configured").build();
        }
        Health.Builder health = Health.status(Status.UP).withDetail("smtp", smtp.getHost() + ":" + smtp.getPort());
        try {
            smtp.testConnection();
            return health.build();
        } catch (MessagingException | RuntimeException e) {
            return health.status(DEGRADED).withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
