package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.carrier.ReturnLabel;
import com.helloword.aftersales.carrier.ReturnLabelRequest;
import com.helloword.aftersales.carrier.TrackingPort.TrackedEvent;
import com.helloword.aftersales.carrier.TrackingPort.TrackingSnapshot;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.carrier.dhl.DhlReturnLabels;
import com.helloword.aftersales.carrier.dhl.DhlTracking;
import com.helloword.aftersales.casefile.OrderStatus;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.support.IntegrationTest;

/** The sandbox's DHL: the real tracking and return-label clients, over HTTP, on demo DHL parcels. */
@IntegrationTest
class SandboxCarrierTest {

    @Autowired
    ProviderClients clients;
    @Autowired
    CredentialStore credentials;
    @LocalServerPort
    int port;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TransactionTemplate transaction;

    /** A demo parcel as the test needs it. */
    record Parcel(String trackingNumber, Instant deliveredAt, String buyer) {
    }

    @Test
    void aDeliveredDemoDhlParcelIsTrackedWithItsScansAndSigner() {
        Parcel parcel = transaction.execute(tx -> orders.findAll().stream()
                .filter(o -> "DHL".equals(o.getCarrier()) && o.getStatus() == OrderStatus.DELIVERED
                        && o.getBuyer().getName() != null)
                .map(o -> new Parcel(o.getTrackingNumber(), o.getDeliveredAt(), o.getBuyer().getName()))
                .findFirst().orElseThrow());

        // the application's DHL tracking client points at the tests' WireMock; this one at the sandbox
        DhlTracking tracking = new DhlTracking(clients, credentials, "http://127.0.0.1:" + port + "/sandbox/dhl");
        TrackingSnapshot snapshot = tracking.track(parcel.trackingNumber(), null, null);

        assertThat(snapshot.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(snapshot.carrier()).startsWith("DHL ");
        assertThat(snapshot.events()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(snapshot.events().get(0).status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
        TrackedEvent last = snapshot.events().get(snapshot.events().size() - 1);
        assertThat(last.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(last.occurredAt()).isEqualTo(parcel.deliveredAt());
        assertThat(last.signer()).isEqualTo(parcel.buyer());
    }

    @Test
    void aReturnLabelIsAWellFormedPdf() {
        String key = "case:SBD-" + UUID.randomUUID().toString().substring(0, 8) + ":return-label";

        // the application's DHL returns client points at the tests' WireMock; this one at the sandbox
        DhlReturnLabels returnLabels = new DhlReturnLabels(clients, credentials,
                "http://127.0.0.1:" + port + "/sandbox/dhl");
        ReturnLabel label = returnLabels.createReturnLabel(new ReturnLabelRequest("deu", "028-1234567-0000001",
                null, "Léa Dubois (Retoure)", "Hauptstraße", "12a", "53113", "Bonn", null, 1200,
                new BigDecimal("29.99"), "EUR", key));

        assertThat(label.shipmentNumber()).matches("\\d{12}");
        String pdf = new String(label.labelPdf(), StandardCharsets.US_ASCII);
        assertThat(pdf).startsWith("%PDF-1.4\n").endsWith("%%EOF\n")
                .contains("(Sendungsnummer " + label.shipmentNumber() + ")")
                .contains("(Absender Lea Dubois \\(Retoure\\))");
        Matcher xref = Pattern.compile("startxref\n(\\d+)\n").matcher(pdf);
        assertThat(xref.find()).isTrue();
        int table = Integer.parseInt(xref.group(1));
        assertThat(pdf.substring(table)).startsWith("xref\n0 6\n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(pdf.substring(table));
        for (int object = 1; object <= 5; object++) {
            assertThat(entries.find()).isTrue();
            assertThat(pdf.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj\n");
        }
    }
}
