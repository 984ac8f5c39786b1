package com.helloword.aftersales.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.intake.mail.ImapPoller;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Amazon A-to-z Guarantee claims arrive as notification mail in the support mailbox (real IMAP, the embedded
 * GreenMail): recognised by sender and subject, they open a dispute about the named order instead of a case, and
 * Amazon's later "claim closed" notice ends it as closed by the platform, with the freeze released.
 */
@IntegrationTest
class AmazonClaimMailTest {

    static final String SUPPORT = "support@helloword.example";

    @LocalServerPort
    int port;
    @Autowired
    WireMockServer providerStubs;
    @Autowired
    StoreRepository stores;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    DisputeRepository disputes;
    @Autowired
    AfterSalesCaseRepository cases;
    @Autowired
    ImapPoller poller;
    @Autowired
    GreenMail mailServer;

    Http http;
    DisputeFixture fixture;
    final Session session = Session.getInstance(new Properties());

    @BeforeEach
    void buyer() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        http = new Http(port);
        fixture = new DisputeFixture(http, providerStubs, stores);
        fixture.importOrders("de", null);
        poller.pollOnce();
    }

    private void deliver(String from, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "Amazon"));
        message.setRecipients(Message.RecipientType.TO, mailbox());
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.saveChanges();
        mailServer.setUser(mailbox(), mailbox(), "support").deliver(message);
    }

    /** The embedded default's support mailbox (SupportMailbox). */
    private static String mailbox() {
        return SUPPORT;
    }

    @Test
    void anAtoZNotificationOpensADisputeAndItsClosingNoticeEndsIt() throws Exception {
        long casesBefore = cases.count();
        deliver("atoz-guarantee-no-reply@amazon.de", "A-to-z Guarantee claim for order " + fixture.disputedOrder,
                "Dear seller, the buyer opened an A-to-z Guarantee claim: the item was not received. Order ID "
                        + fixture.disputedOrder + ". Please respond within 72 hours.");

        poller.pollOnce();

        Dispute dispute = disputes.findAll().stream().filter(d -> d.getPlatformOrderId().equals(fixture.disputedOrder))
                .findFirst().orElseThrow();
        assertThat(cases.count()).isEqualTo(casesBefore);
        fixture.stubHolds(dispute.getKey());
        DisputeFixture.runJobs(runtime, management, dispute.getKey());
        JsonNode view = fixture.dispute(dispute.getKey());
        assertThat(view.get("source").asText()).isEqualTo("AMAZON");
        assertThat(view.get("claimType").asText()).isEqualTo("ITEM_NOT_RECEIVED");
        assertThat(view.get("claims")).singleElement().satisfies(c -> assertThat(c.get("claimId").asText())
                .isEqualTo("atoz:" + fixture.disputedOrder));
        assertThat(view.get("frozenOrders")).hasSize(2);

        deliver("atoz-guarantee-no-reply@amazon.de", "A-to-z Guarantee claim update for order " + fixture.disputedOrder,
                "The A-to-z Guarantee claim for order " + fixture.disputedOrder + " has been withdrawn by the buyer.");
        poller.pollOnce();
        DisputeFixture.runJobs(runtime, management, dispute.getKey());

        assertThat(fixture.dispute(dispute.getKey()).get("state").asText()).isEqualTo("CLOSED_BY_PLATFORM");
        fixture.assertHeldAndReleased(dispute.getKey());
    }

    @Test
    void anOrdinaryBuyerMailAboutTheSameOrderStillBecomesACase() throws Exception {
        long casesBefore = cases.count();
        deliver(fixture.email, "A-to-z? Bestellung " + fixture.disputedOrder, "Wo ist mein Paket? Bestellung "
                + fixture.disputedOrder);
        poller.pollOnce();
        assertThat(cases.count()).isEqualTo(casesBefore + 1);
        assertThat(disputes.findAll()).noneMatch(d -> d.getPlatformOrderId().equals(fixture.disputedOrder));
    }
}
