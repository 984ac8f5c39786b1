package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The embedded mailbox as a page a person reads in the browser, next to its JSON: the list, one mail with the
 * knowledge-base answer as sent, buyer-controlled text escaped and the mail's HTML sandboxed, and the same
 * access rules and personal-data headers as the JSON.
 */
@IntegrationTest
class MailboxPageTest {

    private static final Pattern LINK = Pattern.compile("<a href=\"(/api/outbox/mailbox/[0-9a-f]{16})\">([^<]*)</a>");
    private static final Pattern SRCDOC = Pattern.compile("<iframe sandbox=\"\" srcdoc=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    OutboxService outboxService;
    @Autowired
    OutboxRelay relay;
    @Autowired
    BuyerRepository buyers;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    GreenMail smtp;

    final HttpClient client = HttpClient.newHttpClient();
    String run;

    @BeforeEach
    void setUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        run = UUID.randomUUID().toString().substring(0, 8);
        relay.deliverDue(); // whatever other tests left due
    }

    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What a browser sends when it opens a page. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private String knowledgeBaseAnswer() {
        Buyer kim = new Buyer("kim." + run + "@example.com");
        kim.update("Kim", "en", null);
        kim = buyers.save(kim);
        outboxService.queue(new MailRequest("case:AS-" + run + ":kb:knitwear-care", null, "kb-answer", "en",
                RecipientType.BUYER, kim.getId().toString(),
                Map.of("caseKey", "AS-" + run, "orderId", "302-" + run, "storeName", "Helloword Amazon DE",
                        "article", "knitwear-care")));
        relay.deliverDue();
        return "An answer to your question (case AS-" + run + ")";
    }

    /** The href of the list's link whose text is this subject (as the page escapes it). */
    private static String linkTo(String listPage, String escapedSubject) {
        Matcher links = LINK.matcher(listPage);
        while (links.find()) {
            if (links.group(2).equals(escapedSubject)) {
                return links.group(1);
            }
        }
        throw new AssertionError("no link to " + escapedSubject + " in " + listPage);
    }

    @Test
    void aBrowserGetsTheListAndReadsTheKnowledgeBaseAnswerAsSent() throws Exception {
        String subject = knowledgeBaseAnswer();

        HttpResponse<String> list = get("/api/outbox/mailbox", "mia", BROWSER);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(list.body()).contains("<h1>Embedded mailbox</h1>", "kim." + run + "@example.com", "SENT");
        String href = linkTo(list.body(), subject);

        HttpResponse<String> message = get(href, "leo", BROWSER);
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(message.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String page = message.body();
        assertThat(page).contains("<h1>" + subject + "</h1>", "kim." + run + "@example.com", "service@helloword.example",
                "SENT (template kb-answer, key case:AS-" + run + ":kb:knitwear-care)");
        // the text part, escaped, and the HTML part as sent, inside the sandboxed frame
        assertThat(page).contains("<h2>Text</h2>", "Pilling is normal for soft natural fibres");
        Matcher frame = SRCDOC.matcher(page);
        assertThat(frame.find()).as("a sandboxed frame with the mail's HTML").isTrue();
        String html = HtmlUtils.htmlUnescape(frame.group(1));
        MimeMessage sent = null;
        for (MimeMessage received : smtp.getReceivedMessages()) {
            sent = subject.equals(received.getSubject()) ? received : sent;
        }
        assertThat(sent).isNotNull();
        assertThat(html).isEqualTo(ReceivedMailReader.read(sent).html())
                .contains("<strong>Pilling is normal</strong>", "AS-" + run, "302-" + run);
    }

    @Test
    void theJsonStaysWhatItWasForApiClients() throws Exception {
        String subject = knowledgeBaseAnswer();

        for (String accept : new String[] {null, "*/*", "application/json"}) {
            HttpResponse<String> response = get("/api/outbox/mailbox", "mia", accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
            JsonNode mails = Http.json(response);
            JsonNode kb = null;
            for (JsonNode mail : mails) {
                if (subject.equals(mail.path("subject").asText())) {
                    kb = mail;
                }
            }
            assertThat(kb).as(accept).isNotNull();
            assertThat(kb.fieldNames()).toIterable().containsExactly("to", "from", "subject", "sentAt");
        }
    }

    @Test
    void markupInAMailIsEscapedAndItsHtmlCannotRunInThePage() throws Exception {
        String subject = "<script>alert('subject " + run + "')</script>";
        String html = "<html><body><p>Hello " + run + "</p><script>alert('body')</script>"
                + "<img src=\"x\" onerror=\"alert('img')\"></body></html>";
        MimeMessage mail = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom("mallory." + run + "@example.com");
        helper.setTo("support@helloword.example");
        helper.setSubject(subject);
        helper.setText("Hello <b>" + run + "</b>", html);
        mailSender.send(mail);

        String list = get("/api/outbox/mailbox", "demo", BROWSER).body();
        assertThat(list).doesNotContain("<script", "alert('subject")
                .contains("&lt;script&gt;alert(&#39;subject " + run + "&#39;)&lt;/script&gt;", "not from the outbox");
        String href = linkTo(list, "&lt;script&gt;alert(&#39;subject " + run + "&#39;)&lt;/script&gt;");

        String page = get(href, "demo", BROWSER).body();
        assertThat(page).doesNotContain("<script", "<img", "<b>" + run)
                .contains("<title>&lt;script&gt;", "<h1>&lt;script&gt;", "<h2>Text</h2>\n<p>Hello &lt;b&gt;" + run + "&lt;/b&gt;</p>");
        assertThat(page.split("<iframe", -1)).as("one frame").hasSize(2);
        Matcher frame = SRCDOC.matcher(page);
        assertThat(frame.find()).as("the mail's HTML only inside the sandboxed frame").isTrue();
        assertThat(frame.group(1)).contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;");
        assertThat(HtmlUtils.htmlUnescape(frame.group(1))).isEqualTo(html);
    }

    @Test
    void theSameAccessAndHeadersAsTheJson() throws Exception {
        knowledgeBaseAnswer();
        String href = linkTo(get("/api/outbox/mailbox", "demo", BROWSER).body(),
                "An answer to your question (case AS-" + run + ")");

        for (String path : new String[] {"/api/outbox/mailbox", href}) {
            assertThat(get(path, null, BROWSER).statusCode()).as(path + " without login").isEqualTo(401);
            HttpResponse<String> agent = get(path, "lena", BROWSER);
            assertThat(agent.statusCode()).as(path + " as an agent").isEqualTo(403);
            assertThat(agent.body()).doesNotContain("kim." + run);
            assertThat(get(path, "pete", BROWSER).statusCode()).as(path + " as product team").isEqualTo(403);

            HttpResponse<String> lead = get(path, "leo", BROWSER);
            assertThat(lead.statusCode()).isEqualTo(200);
            assertThat(lead.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(lead.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(lead.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                    .startsWith("default-src 'none'").contains("frame-ancestors 'none'"));
        }
        assertThat(get("/api/outbox/mailbox", "lena", "application/json").statusCode()).isEqualTo(403);
        assertThat(get("/api/outbox/mailbox/0123456789abcdef", "leo", BROWSER).statusCode()).isEqualTo(404);
    }
}
