package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseMessage;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Severity;
import com.helloword.aftersales.notification.OutboxRelay;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/** A BLUE question through the intake API, answered from the knowledge base, delivered once by the outbox. */
@IntegrationTest
class KnowledgeBaseAnswersTest {

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeBaseAnswers answers;
    @Autowired
    KnowledgeBaseAnswerDelegate delegate;
    @Autowired
    OrderImportService importService;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    GreenMail smtp;
    @Autowired
    TransactionTemplate transaction;

    Http http;
    String run;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        run = UUID.randomUUID().toString().substring(0, 8);
        relay.deliverDue(); // whatever other tests left due
    }

    private String order(String email) throws Exception {
        String orderId = "KB-" + run;
        importService.importCsv(new StringReader("store_id,platform_order_id,buyer_email,buyer_name,buyer_language,"
                + "destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,"
                + "batch,quantity,unit_price\namazon-de," + orderId + "," + email + ",Lena Vogel,de,DE,EUR,"
                + "2026-10-01T10:00:00Z,2026-10-02T10:00:00Z,2026-10-04T10:00:00Z,DHL,JJD" + run
                + ",DELIVERED,KNIT-SWEATER-M,LOT-2026-08A,1,89.90\n"));
        return orderId;
    }

    /** Files the buyer's message through the intake API as the relay does; returns the case's id. */
    private long intake(String email, String orderId, String subject, String body) {
        HttpResponse<String> response = http.post("/api/intake/messages", Http.RELAY, "application/json", """
                {"storeId": "amazon-de", "channel": "email", "externalMessageId": "<kb-%s-%s@mail>",
                 "platformOrderId": "%s", "buyerEmail": "%s", "language": "de", "subject": "%s", "body": "%s",
                 "receivedAt": "2026-11-20T08:00:00Z"}""".formatted(run, subject.hashCode(), orderId, email, subject,
                body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return cases.findByBusinessKey(Http.json(response).get("businessKey").asText()).orElseThrow().getId();
    }

    private AfterSalesCase caseWithMessages(long caseId) {
        return transaction.execute(tx -> {
            AfterSalesCase c = cases.findById(caseId).orElseThrow();
            c.getMessages().size();
            return c;
        });
    }

    private long kbMails(String businessKey) {
        return outbox.findAll().stream().filter(m -> m.getIdempotencyKey().startsWith("case:" + businessKey + ":kb:"))
                .count();
    }

    private List<MimeMessage> receivedBy(String email) throws Exception {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(email))) {
                received.add(message);
            }
        }
        return received;
    }

    @Test
    void aBlueCareQuestionIsAnsweredOnceInTheBuyersLanguageAndTheCaseStaysOpen() throws Exception {
        String email = "lena." + run + "@example.de";
        long caseId = intake(email, order(email), "Pflege", "Wie wasche ich meinen neuen Kaschmirpullover?");
        AfterSalesCase graded = caseWithMessages(caseId);
        assertThat(graded.getCategory()).isEqualTo("CARE_QUESTION");
        assertThat(graded.getSeverity()).isEqualTo(Severity.BLUE);

        assertThat(answers.articleFor(caseId)).contains("knitwear-care");
        assertThat(answers.answer(caseId)).isTrue();
        assertThat(answers.answer(caseId)).isTrue();

        assertThat(kbMails(graded.getBusinessKey())).isEqualTo(1);
        relay.deliverDue();
        relay.deliverDue();
        List<MimeMessage> mails = receivedBy(email).stream()
                .filter(m -> subjectOf(m).startsWith("Antwort auf Ihre Frage")).toList();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Antwort auf Ihre Frage (Vorgang " + graded.getBusinessKey() + ")");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("de");
        assertThat(bodyOf(mail)).contains("Guten Tag Lena Vogel", "Pflege von Wolle, Kaschmir und Strickwaren",
                "Liegend trocknen", "KB-" + run, "Ihr Vorgang bleibt offen");

        AfterSalesCase answered = caseWithMessages(caseId);
        assertThat(answered.isOpen()).isTrue();
        assertThat(answered.getContactCount()).isEqualTo(1);
        List<CaseMessage> recorded = answered.getMessages().stream()
                .filter(m -> m.getDirection() == MessageDirection.OUTBOUND).toList();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getChannel()).isEqualTo(KnowledgeBaseAnswers.CHANNEL);
        assertThat(recorded.get(0).getExternalMessageId())
                .isEqualTo("case:" + answered.getBusinessKey() + ":kb:knitwear-care");
        assertThat(recorded.get(0).getBody()).contains("knitwear-care").doesNotContain(email);
    }

    @Test
    void theDelegateSetsTheArticleAndRunningItAgainQueuesNothingNew() throws Exception {
        String email = "jonas." + run + "@example.de";
        long caseId = intake(email, order(email), "Größe", "Welche Größe soll ich bei diesen Schuhen nehmen?");
        String key = caseWithMessages(caseId).getBusinessKey();

        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).thenReturn(caseId);
        delegate.execute(execution);
        delegate.execute(execution);

        verify(execution, times(2)).setVariable(KnowledgeBaseAnswers.VAR_KB_ARTICLE,
                "size-conversion");
        assertThat(kbMails(key)).isEqualTo(1);
    }

    @Test
    void aComplaintGetsNoArticleAndTheDelegateSaysSo() throws Exception {
        String email = "mia." + run + "@example.de";
        long caseId = intake(email, order(email), "Beschädigt",
                "Der Pullover ist beschädigt angekommen, wie wasche ich ihn?");
        assertThat(caseWithMessages(caseId).getCategory()).isEqualTo("DAMAGED");

        assertThat(answers.articleFor(caseId)).isEmpty();
        assertThat(answers.answer(caseId)).isFalse();
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).thenReturn((int) caseId);
        delegate.execute(execution);

        verify(execution).setVariable(KnowledgeBaseAnswers.VAR_KB_ARTICLE, null);
        assertThat(kbMails(caseWithMessages(caseId).getBusinessKey())).isZero();
    }

    @Test
    void aCaseWithoutBuyerIsNotAnswered() {
        long caseId = transaction.execute(tx -> {
            AfterSalesCase anonymous = new AfterSalesCase("AS-KB-" + run, "email", null, null, null, Instant.now());
            anonymous.grade("CARE_QUESTION", Severity.BLUE, "en");
            anonymous.addMessage(MessageDirection.INBOUND, "email", "<anon-" + run + "@mail>", "Wool",
                    "How do I wash my wool sweater?", "en", Instant.now());
            return cases.save(anonymous).getId();
        });

        assertThat(answers.articleFor(caseId)).contains("knitwear-care");
        assertThat(answers.answer(caseId)).isFalse();
        assertThat(kbMails("AS-KB-" + run)).isZero();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bodyOf(MimeMessage mail) throws Exception {
        StringBuilder all = new StringBuilder();
        collect(mail.getContent(), all);
        return all.toString();
    }

    private static void collect(Object content, StringBuilder all) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i).getContent(), all);
            }
        } else {
            all.append(content).append('\n');
        }
    }
}
