package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.integration.webhook.WebhookSignatures;
import com.helloword.aftersales.notification.OutboxMessage;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;

/**
 * Each carrier exception takes the path carrierExceptionHandling names: returned to sender (the buyer is offered a
 * reship or a refund, logistics carries it out), customs hold (logistics sends the documents), lost and damaged
 * (a claim with the carrier), only delayed (nothing to do), anything else (logistics looks). The signed 17TRACK push
 * starts it; a push with a wrong signature starts nothing; the same exception reported again opens no second watch;
 * a parcel delivered after all ends its watch.
 */
class CarrierExceptionTest extends ParcelWatchIntegrationTest {

    @Autowired
    Environment environment;

    private ParcelWatch onlyWatchOf(SalesOrder order) {
        List<ParcelWatch> watched = watchRows.findByOrderIdOrderByIdAsc(order.getId());
        assertThat(watched).hasSize(1);
        return watched.get(0);
    }

    private ParcelWatch exception(String status, String subStatus) throws Exception {
        SalesOrder order = fixture.registered("amazon-fr", "FR", "fr", "Colissimo", now.minus(Duration.ofDays(4)));
        fixture.scan(order, now.minus(Duration.ofHours(1)), TrackingStatus.valueOf(status), subStatus, "Incident");
        ParcelWatch watch = onlyWatchOf(order);
        DueJobs.run(management, watch.getProcessInstanceId());
        return watchRows.findById(watch.getId()).orElseThrow();
    }

    private Task taskOf(ParcelWatch watch) {
        return tasks.createTaskQuery().processInstanceId(watch.getProcessInstanceId()).singleResult();
    }

    @ParameterizedTest
    @CsvSource({
            "EXCEPTION, Exception_Returning, RETURNED_TO_SENDER, RESHIP_OR_REFUND_OFFER, userTask_reshipOrRefund",
            "EXCEPTION, Exception_Security, CUSTOMS_HOLD, CUSTOMS_DOCUMENTS_TASK, userTask_customsDocuments",
            "EXCEPTION, Exception_Lost, LOST, CLAIM_WITH_CARRIER, userTask_claimWithCarrier",
            "EXCEPTION, Exception_Damage, DAMAGED, CLAIM_WITH_CARRIER, userTask_claimWithCarrier",
            "EXPIRED, Expired_Other, LOST, CLAIM_WITH_CARRIER, userTask_claimWithCarrier"})
    void anExceptionTellsTheBuyerAndGivesLogisticsItsTask(String status, String subStatus, String kind, String path,
            String task) throws Exception {
        ParcelWatch watch = exception(status, subStatus);

        assertThat(watch.getKind()).isEqualTo(ParcelWatch.Kind.EXCEPTION);
        assertThat(watch.getExceptionKind()).isEqualTo(kind);
        assertThat(watch.getHandlingPath()).isEqualTo(path);
        assertThat(watch.getDecidedBy()).startsWith("carrierExceptionHandling:");
        OutboxMessage mail = outbox.findByIdempotencyKey(watch.businessKey() + ":exception").orElseThrow();
        assertThat(mail.getTemplate()).isEqualTo("parcel-exception");
        assertThat(mail.getLanguage()).isEqualTo("fr");
        JsonNode model = json.readTree(mail.getModelJson());
        assertThat(model.path("kind").asText()).isEqualTo(kind);
        assertThat(model.has("addressUrl")).isFalse();
        Task open = taskOf(watch);
        assertThat(open.getTaskDefinitionKey()).isEqualTo(task);
        assertThat(tasks.getIdentityLinksForTask(open.getId())).anyMatch(l -> "logistics".equals(l.getGroupId()));
        assertThat(cases.casesOfOrder(watch.getOrderId())).extracting(CaseRecords.CaseSummary::category)
                .containsExactly("CARRIER_EXCEPTION");

        tasks.setAssignee(open.getId(), "lou");
        tasks.complete(open.getId(), Map.of("logisticsNote", "done with the carrier, ref 4711"));
        DueJobs.run(management, watch.getProcessInstanceId());

        ParcelWatch closed = watchRows.findById(watch.getId()).orElseThrow();
        assertThat(closed.getWatchState()).isEqualTo(ParcelWatch.State.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo("HANDLED");
        CaseRecords.CaseSummary filed = cases.casesOfOrder(watch.getOrderId()).get(0);
        assertThat(filed.status()).isEqualTo("CLOSED");
        assertThat(cases.messages(filed.caseId())).extracting(CaseRecords.CaseMessageLine::body)
                .anyMatch(b -> b.contains("lou: done with the carrier, ref 4711"));
    }

    @Test
    void aDelayIsLeftToTheQuietWatchAndAnUnknownExceptionToLogisticsWithoutBuyerMail() throws Exception {
        ParcelWatch delayed = exception("EXCEPTION", "Exception_Delayed");
        assertThat(delayed.getHandlingPath()).isEqualTo("NONE");
        assertThat(delayed.getWatchState()).isEqualTo(ParcelWatch.State.CLOSED);
        assertThat(outbox.findByIdempotencyKey(delayed.businessKey() + ":exception")).isEmpty();

        ParcelWatch other = exception("DELIVERY_FAILURE", "DeliveryFailure_Other");
        assertThat(other.getHandlingPath()).isEqualTo("LOGISTICS_REVIEW");
        assertThat(taskOf(other).getTaskDefinitionKey()).isEqualTo("userTask_reviewException");
        assertThat(outbox.findByIdempotencyKey(other.businessKey() + ":exception")).isEmpty();
    }

    @Test
    void theSameExceptionReportedAgainOpensNoSecondWatchAndADeliveryEndsIt() throws Exception {
        SalesOrder order = fixture.registered("amazon-fr", "FR", "fr", "Colissimo", now.minus(Duration.ofDays(4)));
        Instant at = now.minus(Duration.ofHours(2));
        fixture.scan(order, at, TrackingStatus.EXCEPTION, "Exception_Security", "Retenu en douane");
        fixture.scan(order, at, TrackingStatus.EXCEPTION, "Exception_Security", "Retenu en douane");
        ParcelWatch watch = onlyWatchOf(order);
        DueJobs.run(management, watch.getProcessInstanceId());
        assertThat(taskOf(watch).getTaskDefinitionKey()).isEqualTo("userTask_customsDocuments");

        fixture.scan(order, now, TrackingStatus.DELIVERED, "Delivered_Other", "Livré");
        DueJobs.run(management, watch.getProcessInstanceId());

        ParcelWatch ended = watchRows.findById(watch.getId()).orElseThrow();
        assertThat(ended.getOutcome()).isEqualTo("DELIVERED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(watch.getProcessInstanceId()).count())
                .isZero();
        assertThat(cases.casesOfOrder(order.getId()).get(0).status()).isEqualTo("CLOSED");
    }

    @Test
    void aSignedPushStartsTheWatchAndAWronglySignedOneNothing() throws Exception {
        SalesOrder order = fixture.registered("amazon-fr", "FR", "fr", "Colissimo", now.minus(Duration.ofDays(4)));
        byte[] body = """
                {"event": "TRACKING_UPDATED", "data": {"number": "%s", "carrier": 6051, "tag": "order-%d",
                 "track_info": {
                  "latest_status": {"status": "Exception", "sub_status": "Exception_Returning"},
                  "latest_event": {"time_utc": "%s", "description": "Retour à l'expéditeur", "location": "ROISSY, FR"},
                  "tracking": {"providers": [{"provider": {"key": 6051, "name": "Colissimo"}, "events": [
                    {"time_utc": "%3$s", "description": "Retour à l'expéditeur", "location": "ROISSY, FR",
                     "stage": "Returning"}]}]}}}}""".formatted(order.getTrackingNumber(), order.getId(),
                now.minus(Duration.ofHours(3))).getBytes(StandardCharsets.UTF_8);
        Http http = new Http(port);

        var forged = http.send("POST", "/api/webhooks/17track", null, "application/json", body, "sign",
                sign(body, "not-the-key"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(watchRows.findByOrderIdOrderByIdAsc(order.getId())).isEmpty();

        var signed = http.send("POST", "/api/webhooks/17track", null, "application/json", body, "sign",
                sign(body, environment.getProperty("aftersales.credentials.17track.api-key")));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        ParcelWatch watch = onlyWatchOf(order);
        assertThat(watch.getSubStatus()).isEqualTo("Exception_Returning");
        DueJobs.run(management, watch.getProcessInstanceId());
        assertThat(watchRows.findById(watch.getId()).orElseThrow().getExceptionKind()).isEqualTo("RETURNED_TO_SENDER");
    }

    /** 17TRACK's {@code sign}: hex SHA-256 of the body, "/" and the API key. */
    private static String sign(byte[] body, String key) {
        return WebhookSignatures.sha256Hex((new String(body, StandardCharsets.UTF_8) + "/" + key)
                .getBytes(StandardCharsets.UTF_8));
    }
}
