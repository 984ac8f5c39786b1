package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.notification.OutboxMessage;

/**
 * The 3-day rule with a controlled clock: a registered parcel quiet for longer than parcelQuietLimit allows opens
 * one watch (stuckParcelProcess), whose buyer mail carries the live tracking link and the table's options and
 * whose case is in the case file; a second sweep of the same silence mails nothing more; a new scan closes the
 * watch and its case; DHL in Germany has a row of its own (2 days); a watch with no news ends by itself.
 */
class StuckParcelProcessTest extends ParcelWatchIntegrationTest {

    @Autowired
    HistoryService history;
    @Autowired
    com.helloword.aftersales.notification.OutboxRelay relay;
    @Autowired
    com.icegreen.greenmail.util.GreenMail smtp;

    Instant start;

    @BeforeEach
    void start() {
        start = now;
    }

    private List<ParcelWatch> watchesOf(SalesOrder order) {
        return watchRows.findByOrderIdOrderByIdAsc(order.getId());
    }

    private void at(Duration sinceStart) {
        clock.fixWithEngine(start.plus(sinceStart));
    }

    @Test
    void aParcelQuietForMoreThanThreeDaysIsWatchedOnceAndTheWatchClosesWhenItMoves() throws Exception {
        SalesOrder order = fixture.registered("amazon-us", "US", "en", "UPS", start.minus(Duration.ofDays(1)));
        fixture.scan(order, start, TrackingStatus.IN_TRANSIT, null, "Departed facility");

        at(Duration.ofDays(3).minusHours(1));
        watches.checkQuiet();
        assertThat(watchesOf(order)).as("not yet 3 days quiet").isEmpty();
        assertThat(registrations.findByOrderId(order.getId()).orElseThrow().getQuietCheckDue())
                .as("asked again when the 3 days run out, not every sweep").isEqualTo(start.plus(Duration.ofDays(3)));

        at(Duration.ofDays(3).plusHours(1));
        List<Long> opened = watches.checkQuiet();
        List<ParcelWatch> watched = watchesOf(order);
        assertThat(watched).hasSize(1);
        ParcelWatch watch = watched.get(0);
        assertThat(opened).contains(watch.getId());
        assertThat(watch.getKind()).isEqualTo(ParcelWatch.Kind.QUIET);
        assertThat(watch.getQuietDays()).isEqualTo(3);
        assertThat(watch.getSilenceStartedAt()).isEqualTo(start);
        assertThat(watch.getDecidedBy()).startsWith("parcelQuietLimit:");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("parcel-watch:" + watch.getId())
                .processDefinitionKey("stuckParcelProcess").count()).isEqualTo(1);

        runJobs(watch);
        OutboxMessage mail = outbox.findByIdempotencyKey("parcel-watch:" + watch.getId() + ":quiet").orElseThrow();
        assertThat(mail.getTemplate()).isEqualTo("parcel-quiet");
        assertThat(mail.getLanguage()).isEqualTo("en");
        assertThat(mail.getRecipientRef()).isEqualTo(order.getBuyer().getId().toString());
        JsonNode model = json.readTree(mail.getModelJson());
        assertThat(model.path("trackingUrl").asText()).isEqualTo("https://t.17track.net/en#nums="
                + order.getTrackingNumber());
        assertThat(model.path("options").toString()).isEqualTo("[\"WAIT_WITH_COUPON\",\"RESHIP\",\"REFUND\"]");
        assertThat(model.toString()).doesNotContain("@example.com");
        List<CaseRecords.CaseSummary> filed = cases.casesOfOrder(order.getId());
        assertThat(filed).extracting(CaseRecords.CaseSummary::category).containsExactly("PARCEL_QUIET");
        assertThat(filed.get(0).status()).isEqualTo("OPEN");
        assertThat(mail.getCaseId()).isEqualTo(filed.get(0).caseId());

        at(Duration.ofDays(4));
        watches.checkQuiet();
        assertThat(watchesOf(order)).as("the same silence: no second watch").hasSize(1);
        assertThat(outbox.findAllByOrderByIdDesc(org.springframework.data.domain.PageRequest.of(0, 500)).stream()
                .filter(m -> m.getIdempotencyKey().startsWith("parcel-watch:") && order.getBuyer().getId().toString()
                        .equals(m.getRecipientRef()))).hasSize(1);

        fixture.scan(order, start.plus(Duration.ofDays(3).plusHours(20)), TrackingStatus.IN_TRANSIT, null,
                "Arrived at destination country");
        runJobs(watch);
        ParcelWatch closed = watchRows.findById(watch.getId()).orElseThrow();
        assertThat(closed.getWatchState()).isEqualTo(ParcelWatch.State.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo("MOVED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(closed.getProcessInstanceId())
                .finished().count()).isEqualTo(1);
        assertThat(cases.casesOfOrder(order.getId()).get(0).status()).isEqualTo("CLOSED");
        assertThat(cases.messages(filed.get(0).caseId())).extracting(CaseRecords.CaseMessageLine::body)
                .anyMatch(b -> b.contains("MOVED"));
    }

    @Test
    void aBuyerWhoWritesAboutAWatchedOrderGetsACaseTheTeamWorks() throws Exception {
        SalesOrder order = fixture.registered("amazon-us", "US", "en", "UPS", start.minus(Duration.ofDays(4)));
        ParcelWatch watch = sweptAnHourLater(order);
        runJobs(watch);

        var answer = new com.helloword.aftersales.support.Http(port).post("/api/intake/messages",
                com.helloword.aftersales.support.Http.RELAY, "application/json", """
                {"storeId": "amazon-us", "channel": "email", "externalMessageId": "pw-%s", "platformOrderId": "%s",
                 "buyerEmail": "%s", "subject": "Where is my parcel?", "body": "It has not arrived yet."}"""
                        .formatted(fixture.run, order.getPlatformOrderId(), fixture.email(order)));

        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
        List<CaseRecords.CaseSummary> filed = cases.casesOfOrder(order.getId());
        assertThat(filed).hasSize(2);
        assertThat(filed.get(0).category()).isEqualTo("PARCEL_QUIET");
        assertThat(cases.messages(filed.get(0).caseId())).extracting(CaseRecords.CaseMessageLine::direction)
                .doesNotContain("INBOUND");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(filed.get(1).caseKey())
                .processDefinitionKey("emergencyAfterSalesProcess").count()).isEqualTo(1);
    }

    /** The quiet check an hour after the start: the order's (first) watch. */
    private ParcelWatch sweptAnHourLater(SalesOrder order) {
        at(Duration.ofHours(1));
        watches.checkQuiet();
        return watchesOf(order).get(0);
    }

    @Test
    void aScanBeforeTheMailClosesTheWatchWithoutMail() throws Exception {
        SalesOrder order = fixture.registered("amazon-us", "US", "en", "UPS", start.minus(Duration.ofDays(4)));
        ParcelWatch watch = sweptAnHourLater(order);

        fixture.scan(order, start.plus(Duration.ofMinutes(30)), TrackingStatus.IN_TRANSIT, null, "Arrived");
        runJobs(watch);

        ParcelWatch closed = watchRows.findById(watch.getId()).orElseThrow();
        assertThat(closed.getOutcome()).isEqualTo("MOVED");
        assertThat(outbox.findByIdempotencyKey(watch.businessKey() + ":quiet")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(closed.getProcessInstanceId()).count())
                .isZero();
    }

    @Test
    void dhlInGermanyHasARowOfItsOwn() throws Exception {
        SalesOrder german = fixture.registered("amazon-de", "DE", "de", "DHL", start.minus(Duration.ofDays(1)));
        SalesOrder american = fixture.registered("amazon-us", "US", "en", "UPS", start.minus(Duration.ofDays(1)));
        fixture.scan(german, start, TrackingStatus.IN_TRANSIT, null, "Sendung im Zielpaketzentrum");
        fixture.scan(american, start, TrackingStatus.IN_TRANSIT, null, "Departed facility");

        at(Duration.ofDays(2).plusHours(1));
        watches.checkQuiet();

        assertThat(watchesOf(american)).as("3 days for the US").isEmpty();
        List<ParcelWatch> watched = watchesOf(german);
        assertThat(watched).hasSize(1);
        assertThat(watched.get(0).getQuietDays()).isEqualTo(2);
        runJobs(watched.get(0));
        OutboxMessage mail = outbox.findByIdempotencyKey("parcel-watch:" + watched.get(0).getId() + ":quiet")
                .orElseThrow();
        assertThat(mail.getLanguage()).isEqualTo("de");

        relay.deliverDue();
        List<jakarta.mail.internet.MimeMessage> received = com.helloword.aftersales.support.ReceivedMail.to(smtp,
                fixture.email(german), german.getPlatformOrderId(), "bewegt sich");
        assertThat(received).hasSize(1);
        assertThat(com.helloword.aftersales.support.ReceivedMail.content(received.get(0)))
                .contains("https://t.17track.net/en#nums=" + german.getTrackingNumber(), "Gutschein");
    }

    @Test
    void aWatchWithoutNewsEndsByItselfAndADeliveryClosesTheNextOne() throws Exception {
        SalesOrder order = fixture.registered("amazon-fr", "FR", "fr", "Colissimo", start.minus(Duration.ofDays(5)));

        ParcelWatch watch = sweptAnHourLater(order);
        assertThat(watch.getSilenceStartedAt()).as("never scanned: quiet since shipping")
                .isEqualTo(start.minus(Duration.ofDays(5)));
        runJobs(watch);

        at(Duration.ofDays(31));
        runJobs(watch);
        ParcelWatch ended = watchRows.findById(watch.getId()).orElseThrow();
        assertThat(ended.getOutcome()).isEqualTo("NOT_MOVED");
        assertThat(ended.getWatchState()).isEqualTo(ParcelWatch.State.CLOSED);

        watches.checkQuiet();
        assertThat(watchesOf(order)).as("the watch of that silence is over; it is not opened again").hasSize(1);

        fixture.scan(order, start.plus(Duration.ofDays(31)), TrackingStatus.IN_TRANSIT, null, "En cours");
        at(Duration.ofDays(35));
        watches.checkQuiet();
        List<ParcelWatch> both = watchesOf(order);
        assertThat(both).as("a new silence, a new watch").hasSize(2);
        runJobs(both.get(1));
        fixture.scan(order, start.plus(Duration.ofDays(35).plusHours(1)), TrackingStatus.DELIVERED, "Delivered_Other",
                "Livré");
        runJobs(both.get(1));
        assertThat(watchRows.findById(both.get(1).getId()).orElseThrow().getOutcome()).isEqualTo("DELIVERED");
    }
}
