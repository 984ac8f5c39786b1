package com.helloword.aftersales.casework.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.IntegrationTest;

/** The support mailbox read over real IMAP (the embedded GreenMail server). */
@IntegrationTest
class ImapPollerTest {

    @Autowired
    ImapPoller poller;
    @Autowired
    InboundMailRepository mails;
    @Autowired
    GreenMail mailServer;

    GreenMailUser support;
    String run;
    final Session session = Session.getInstance(new Properties());

    @BeforeEach
    void setUp() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        support = mailServer.setUser(SupportMailbox.EMBEDDED_ADDRESS, SupportMailbox.EMBEDDED_ADDRESS, "support");
        run = UUID.randomUUID().toString().substring(0, 8);
        poller.pollOnce(); // take in whatever an earlier test left
    }

    private MimeMessage mail(String from, String subject, boolean withMessageId) throws Exception {
        MimeMessage message = withMessageId ? new MimeMessage(session) : new MimeMessage(session) {
            @Override
            protected void updateMessageID() {
                // as some relays send it: no Message-ID at all
            }
        };
        message.setFrom(new InternetAddress(from, "Buyer " + run));
        message.setRecipients(Message.RecipientType.TO, SupportMailbox.EMBEDDED_ADDRESS);
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private void deliver(MimeMessage message) throws Exception {
        message.saveChanges();
        support.deliver(message);
    }

    @Test
    void aBuyerMailIsStoredOnceAndFlaggedSeen() throws Exception {
        String from = "kim." + run + "@marketplace.amazon.com";
        MimeMessage message = mail(from, "Paket nicht erhalten – Bestellung 302-" + run, true);
        message.setText("Hallo, mein Paket ist immer noch nicht da.", "UTF-8");
        deliver(message);

        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(poller.pollOnce()).isZero();

        List<InboundMail> stored = mails.findByFromAddressOrderByIdAsc(from);
        assertThat(stored).hasSize(1);
        InboundMail mail = stored.get(0);
        assertThat(mail.getSubject()).isEqualTo("Paket nicht erhalten – Bestellung 302-" + run);
        assertThat(mail.getBody()).isEqualTo("Hallo, mein Paket ist immer noch nicht da.");
        assertThat(mail.getFromName()).isEqualTo("Buyer " + run);
        assertThat(mail.getMessageId()).isEqualTo(message.getMessageID());
        assertThat(mail.getStatus()).isEqualTo(InboundMail.Status.RECEIVED);
        assertThat(unseenInMailbox()).isZero();
    }

    @Test
    void aKnownBuyersMailIsFiledIntoACaseOfTheirOrder(@Autowired OrderImportService importService,
            @Autowired AfterSalesCaseRepository cases) throws Exception {
        String from = "known." + run + "@example.de";
        importService.importCsv(new java.io.StringReader("store_id,platform_order_id,buyer_email,buyer_name,"
                + "buyer_language,destination_country,currency,ordered_at,shipped_at,delivered_at,carrier,"
                + "tracking_number,status,sku,batch,quantity,unit_price\namazon-de,302-" + run.hashCode() % 1000
                + "-1,"+ from + ",Known,de,DE,EUR,2026-10-01T10:00:00Z,,,,,PLACED,SKU-1,,1,10\n"));
        MimeMessage message = mail(from, "Wo bleibt meine Bestellung?", true);
        message.setText("Mein Paket ist nicht angekommen.");
        deliver(message);

        poller.pollOnce();

        InboundMail mail = mails.findByFromAddressOrderByIdAsc(from).get(0);
        assertThat(mail.getStatus()).isEqualTo(InboundMail.Status.FILED);
        var filed = cases.findById(mail.getCaseId()).orElseThrow();
        assertThat(filed.getCategory()).isEqualTo("NOT_RECEIVED");
        assertThat(filed.getLanguage()).isEqualTo("de");
    }

    @Test
    void aMailSeenAgainIsNotStoredTwice() throws Exception {
        String from = "again." + run + "@members.ebay.com";
        MimeMessage message = mail(from, "Where is my order?", true);
        message.setText("Still waiting.");
        deliver(message);
        poller.pollOnce();

        markAllUnseen();
        assertThat(poller.pollOnce()).isZero();

        assertThat(mails.findByFromAddressOrderByIdAsc(from)).hasSize(1);
    }

    @Test
    void htmlOnlyMailIsKeptAsTextAndAMailWithoutMessageIdGetsAStableOne() throws Exception {
        String from = "html." + run + "@example.fr";
        MimeMessage message = mail(from, "Colis abîmé", false);
        message.setContent("<html><body><p>Le colis est arriv&eacute; <b>cass&eacute;</b>.</p>"
                + "<script>alert(1)</script></body></html>", "text/html; charset=UTF-8");
        deliver(message);

        poller.pollOnce();

        InboundMail mail = mails.findByFromAddressOrderByIdAsc(from).get(0);
        assertThat(mail.getBody()).doesNotContain("<p>", "<b>", "alert").contains("Le colis est arriv");
        assertThat(mail.getMessageId()).startsWith("<generated-");
        assertThat(MimeParts.parse(message).messageId()).isEqualTo(mail.getMessageId());
    }

    @Test
    void twoPollersTakeEachMailOnce() throws Exception {
        String from = "race." + run + "@example.com";
        for (int i = 0; i < 6; i++) {
            MimeMessage message = mail(from, "Question " + i, true);
            message.setText("Body " + i);
            deliver(message);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> node = poller::pollOnce;
            nodes.invokeAll(List.of(node, node));
        } finally {
            nodes.shutdown();
        }
        poller.pollOnce();

        assertThat(mails.findByFromAddressOrderByIdAsc(from)).hasSize(6)
                .extracting(InboundMail::getSubject).doesNotHaveDuplicates();
    }

    private int unseenInMailbox() throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), SupportMailbox.EMBEDDED_ADDRESS, "support");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    private void markAllUnseen() throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), SupportMailbox.EMBEDDED_ADDRESS, "support");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    message.setFlag(Flags.Flag.SEEN, false);
                }
            } finally {
                inbox.close(false);
            }
        }
    }
}
