package com.helloword.aftersales.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.carrier.TrackingStatus;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.Http;

/**
 * The address problem's path: the buyer's mail carries a signed link to the address page, which asks in the buyer's
 * language and takes the answer once; logistics reads a corrected address from the API (never from a process
 * variable) and it is forgotten when their task is done. A replayed link gets 409, a forged or expired one 403,
 * each a page in the buyer's language.
 */
class ParcelAddressPageTest extends ParcelWatchIntegrationTest {

    @Autowired
    ParcelAddressAnswerRepository answers;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** An address problem on a German buyer's parcel; returns the watch, its process past the mail. */
    private ParcelWatch addressProblem() throws Exception {
        SalesOrder order = fixture.registered("amazon-de", "DE", "de", "DHL", now.minus(Duration.ofDays(2)));
        fixture.scan(order, now.minus(Duration.ofHours(1)), TrackingStatus.DELIVERY_FAILURE,
                "DeliveryFailure_InvalidAddress", "Empfänger unter der angegebenen Adresse nicht zu ermitteln");
        ParcelWatch watch = watchRows.findByOrderIdOrderByIdAsc(order.getId()).get(0);
        DueJobs.run(management, watch.getProcessInstanceId());
        return watchRows.findById(watch.getId()).orElseThrow();
    }

    /** The page's path and query, from the link in the buyer's mail. */
    private String link(ParcelWatch watch) throws Exception {
        String url = json.readTree(outbox.findByIdempotencyKey(watch.businessKey() + ":exception").orElseThrow()
                .getModelJson()).path("addressUrl").asText();
        assertThat(url).contains("/buyer/parcels/" + watch.getId() + "/address?t=").contains("lang=de");
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String token(String link) {
        String query = link.substring(link.indexOf("t=") + 2);
        return query.contains("&") ? query.substring(0, query.indexOf('&')) : query;
    }

    private HttpResponse<String> answer(String link, String answer, String address) {
        String form = "t=" + token(link) + "&answer=" + answer
                + (address == null ? "" : "&address=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        return http.post(link.substring(0, link.indexOf('?')), null, "application/x-www-form-urlencoded", form);
    }

    @Test
    void theBuyerCorrectsTheAddressOnceAndLogisticsPassesItOn() throws Exception {
        ParcelWatch watch = addressProblem();
        assertThat(watch.getExceptionKind()).isEqualTo("ADDRESS_PROBLEM");
        String link = link(watch);

        HttpResponse<String> page = http.get(link, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ihre Lieferadresse", "name=\"answer\"", "value=\"CHANGED\"");

        assertThat(answer(link, "CHANGED", "  ").statusCode()).as("a change needs the address").isEqualTo(400);
        HttpResponse<String> changed = answer(link, "CHANGED", "Lindenstraße 5, 10115 Berlin");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("Vielen Dank");

        Task task = tasks.createTaskQuery().processInstanceId(watch.getProcessInstanceId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_forwardAddress");
        assertThat(tasks.getVariables(task.getId())).containsEntry("addressAnswer", "CHANGED")
                .doesNotContainValue("Lindenstraße 5, 10115 Berlin");
        HttpResponse<String> forLogistics = http.get("/api/parcel-watches/" + watch.getId() + "/address", "lou");
        assertThat(forLogistics.statusCode()).isEqualTo(200);
        assertThat(Http.json(forLogistics).path("address").asText()).isEqualTo("Lindenstraße 5, 10115 Berlin");
        assertThat(http.get("/api/parcel-watches/" + watch.getId() + "/address", "emma").statusCode())
                .as("agents do not read it").isEqualTo(403);

        HttpResponse<String> replayed = answer(link, "CONFIRMED", null);
        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).contains("bereits geantwortet");
        assertThat(http.get(link, null).statusCode()).isEqualTo(409);

        tasks.setAssignee(task.getId(), "lou");
        tasks.complete(task.getId(), Map.of("logisticsNote", "DHL hat die neue Adresse"));
        DueJobs.run(management, watch.getProcessInstanceId());
        ParcelAddressAnswer kept = answers.findByWatchId(watch.getId()).orElseThrow();
        assertThat(kept.getCorrectedAddress()).as("forgotten once passed on").isNull();
        assertThat(kept.getAnswerKind()).isEqualTo(ParcelAddressAnswer.Answer.CHANGED);
        assertThat(watchRows.findById(watch.getId()).orElseThrow().getWatchState())
                .isEqualTo(ParcelWatch.State.CLOSED);
    }

    @Test
    void aForgedOrExpiredLinkIsRefusedInTheBuyersLanguage() throws Exception {
        ParcelWatch watch = addressProblem();
        String link = link(watch);
        String forged = link.replace("t=" + token(link), "t=" + token(link).substring(0, 12) + "AAAAAAAAAAAA");

        HttpResponse<String> refused = http.get(forged, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Dieser Link ist nicht gültig");
        assertThat(answer(forged, "CONFIRMED", null).statusCode()).isEqualTo(403);
        HttpResponse<String> otherWatch = http.get(link.replace("/parcels/" + watch.getId() + "/",
                "/parcels/" + (watch.getId() + 1) + "/"), null);
        assertThat(otherWatch.statusCode()).as("signed for another watch").isEqualTo(403);

        clock.fixWithEngine(now.plus(Duration.ofDays(61)));
        HttpResponse<String> expired = http.get(link, null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("Dieser Link ist nicht gültig");
        assertThat(answers.findByWatchId(watch.getId())).isEmpty();
    }

    @Test
    void noAnswerInTimeStillGivesLogisticsTheTask() throws Exception {
        ParcelWatch watch = addressProblem();

        clock.fixWithEngine(now.plus(Duration.ofDays(6)));
        DueJobs.run(management, watch.getProcessInstanceId());

        Task task = tasks.createTaskQuery().processInstanceId(watch.getProcessInstanceId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("userTask_forwardAddress");
        assertThat(tasks.getVariable(task.getId(), "addressAnswer")).isEqualTo("NO_ANSWER");
        assertThat(task.getDescription()).contains("NO_ANSWER");
    }
}
