package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

@IntegrationTest
class OutboxRelayTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxService outboxService;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    GreenMail smtp;
    @Autowired
    MutableClock clock;
    @Autowired
    OutboxProperties properties;
    @Autowired
    TransactionTemplate transaction;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
        relay.deliverDue(); // whatever other tests left due
    }

    @AfterEach
    void smtpBackUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    private Buyer buyer(String name, String language) {
        Buyer buyer = new Buyer(name.toLowerCase() + "." + run + "@example.com");
        buyer.update(name, language, null);
        return buyers.save(buyer);
    }

    private OutboxMessage queueFor(Buyer buyer, String step) {
        return outboxService.queue(new MailRequest("case:AS-" + run + ":" + step + ":" + buyer.getId(), null,
                "case-received",
                buyer.getLanguage(), RecipientType.BUYER, buyer.getId().toString(),
                Map.of("caseKey", "AS-" + run, "orderId", "028-" + run)));
    }

    private List<MimeMessage> receivedBy(Buyer buyer) throws MessagingException {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(buyer.getEmail()))) {
                received.add(message);
            }
        }
        return received;
    }

    @Test
    void aQueuedMailArrivesOnceInTheBuyersLanguageWithTextAndHtml() throws Exception {
        Buyer lukas = buyer("Lukas", "de");
        OutboxMessage queued = queueFor(lukas, "received");

        assertThat(relay.deliverDue()).isGreaterThanOrEqualTo(1);
        relay.deliverDue();

        List<MimeMessage> received = receivedBy(lukas);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Ihre Nachricht ist bei uns eingegangen (Vorgang AS-" + run + ")");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("de");
        assertThat(mail.getMessageID()).isEqualTo(MailComposer.messageId(queued.getIdempotencyKey(),
                "service@helloword.example"));
        String body = bodyOf(mail);
        assertThat(body).contains("text/plain", "text/html", "Guten Tag Lukas");
        assertThat(outbox.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.findById(queued.getId()).orElseThrow().getModelJson()).doesNotContain(lukas.getEmail());
    }

    @Test
    void theSameDecisionQueuesOneMail() {
        Buyer anna = buyer("Anna", "de");

        OutboxMessage first = queueFor(anna, "firstReply");
        OutboxMessage again = queueFor(anna, "firstReply");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(outbox.findAll().stream().filter(m -> m.getIdempotencyKey().equals(first.getIdempotencyKey())))
                .hasSize(1);
    }

    @Test
    void whileSmtpIsDownMailWaitsAndIsDeliveredOnceWhenItIsBack() throws Exception {
        Buyer camille = buyer("Camille", "fr");
        Buyer hugo = buyer("Hugo", "fr");
        smtp.stop();
        OutboxMessage one = queueFor(camille, "received");
        OutboxMessage two = queueFor(hugo, "received");

        relay.deliverDue();
        OutboxMessage afterFirst = outbox.findById(one.getId()).orElseThrow();
        assertThat(afterFirst.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(afterFirst.getAttempts()).isEqualTo(1);
        assertThat(afterFirst.getLastError()).startsWith("SMTP");
        assertThat(afterFirst.getNextAttemptAt()).isAfter(clock.instant());

        relay.deliverDue(); // not due yet: nothing happens
        assertThat(outbox.findById(one.getId()).orElseThrow().getAttempts()).isEqualTo(1);

        smtp.start();
        clock.advance(properties.backoff().plusSeconds(1));
        relay.deliverDue();
        clock.advance(Duration.ofHours(1));
        relay.deliverDue();

        assertThat(receivedBy(camille)).hasSize(1);
        assertThat(receivedBy(hugo)).hasSize(1);
        assertThat(outbox.findById(two.getId()).orElseThrow().getStatus()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void twoRelaysRacingSendEachMailOnce() throws Exception {
        List<Buyer> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Buyer buyer = buyer("Racer" + i, "en");
            recipients.add(buyer);
            queueFor(buyer, "race");
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = relay::deliverDue;
            List<Future<Integer>> results = nodes.invokeAll(List.of(node, node));
            int delivered = results.get(0).get() + results.get(1).get();
            assertThat(delivered).isEqualTo(12);
        } finally {
            nodes.shutdown();
        }
        for (Buyer buyer : recipients) {
            assertThat(receivedBy(buyer)).as(buyer.getEmail()).hasSize(1);
        }
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedForAManagerWhoCanSendItAgain() throws Exception {
        Buyer sofia = buyer("Sofia", "es");
        smtp.stop();
        OutboxMessage queued = queueFor(sofia, "received");
        for (int attempt = 0; attempt < properties.maxAttempts(); attempt++) {
            relay.deliverDue();
            clock.advance(properties.maxBackoff());
        }
        OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getLastError()).contains("SMTP failed " + properties.maxAttempts() + " times");

        Http http = new Http(port);
        JsonNode listed = Http.json(http.get("/api/outbox?status=FAILED", "mia"));
        assertThat(listed.findValuesAsText("idempotencyKey")).contains(queued.getIdempotencyKey());
        assertThat(http.post("/api/outbox/" + queued.getId() + "/retry", "lena", "application/json", "")
                .statusCode()).isEqualTo(403);

        smtp.start();
        HttpResponse<String> retried = http.post("/api/outbox/" + queued.getId() + "/retry", "mia",
                "application/json", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        relay.deliverDue();

        assertThat(receivedBy(sofia)).hasSize(1);
        assertThat(http.post("/api/outbox/" + queued.getId() + "/retry", "mia", "application/json", "")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void aMailToAnErasedBuyerFailsAtOnceWithTheReason() {
        Buyer gone = buyer("Gone", "en");
        OutboxMessage queued = queueFor(gone, "received");
        transaction.executeWithoutResult(status -> buyers.deleteById(gone.getId()));

        relay.deliverDue();

        OutboxMessage failed = outbox.findById(queued.getId()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).contains("Buyer " + gone.getId() + " is gone");
    }

    @Test
    void aStepCannotQueueAMailWithoutATemplate() {
        assertThatThrownBy(() -> outboxService.queue(new MailRequest("case:x:" + run, null, "no-such-template",
                "de", RecipientType.ADDRESS, "leads@helloword.example", Map.of())))
                .isInstanceOf(MailTemplateException.class);
    }

    private static String bodyOf(MimeMessage mail) throws Exception {
        StringBuilder all = new StringBuilder();
        collect(mail.getContent(), mail.getContentType(), all);
        return all.toString();
    }

    private static void collect(Object content, String type, StringBuilder all) throws Exception {
        all.append(type).append('\n');
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), multipart.getBodyPart(i).getContentType(), all);
            }
        } else {
            all.append(content).append('\n');
        }
    }
}
