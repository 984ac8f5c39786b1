package com.helloword.aftersales.platform.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.MutableClock;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * The merchant-fulfilled returns report through the Reports API 2021-06-30, over several rounds: createReport (202
 * with a reportId), getReport until processingStatus DONE (CANCELLED: no data; FATAL: failure), getReportDocument
 * (a pre-signed url, GZIP), the download, and the flat file's rows. The report fixture has Amazon's documented 32
 * columns and the date format and empty cells of real reports.
 */
class AmazonReturnsReportTest {

    @RegisterExtension
    static WireMockExtension amazon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String MARKETPLACE = "ATVPDKIKX0DER";
    static final String TOKEN_PATH = "/auth/o2/token";
    static final String TOKEN = "Atza|IQEBLjAsAhRmHjNgHpi0U-returns";
    static final String REPORTS = "/reports/2021-06-30/reports";
    static final String REPORT_ID = "50012018437";
    static final String DOCUMENT_ID = "amzn1.spdoc.1.4.na.0b1e2c3d-returns.T3EXAMPLE.401";
    static final String DOWNLOAD = "/tortuga-prod-na/0b1e2c3d-returns";
    static final Instant NOW = Instant.parse("2025-07-20T12:00:00Z");
    static final Instant SINCE = Instant.parse("2025-07-01T00:00:00Z");

    MutableClock clock;
    AmazonAdapter adapter;
    StoreConnection store;

    @BeforeAll
    static void warmUp() {
        MockEnvironment environment = environment();
        environment.setProperty("aftersales.providers.amazon.read-timeout", "30s");
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(AmazonAdapterTest.lwaToken(TOKEN))));
        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(created("1")));
        MutableClock clock = new MutableClock();
        clock.set(NOW);
        adapter(environment, clock).platformReturns(store(), new PlatformReturnsQuery("amazon-us", SINCE, null));
    }

    @BeforeEach
    void setUp() {
        amazon.resetAll();
        clock = new MutableClock();
        clock.set(NOW);
        adapter = adapter(environment(), clock);
        store = store();
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(AmazonAdapterTest.lwaToken(TOKEN))));
    }

    static MockEnvironment environment() {
        MockEnvironment environment = ProviderTestSupport.environment("amazon");
        environment.setProperty("aftersales.credentials.amazon-na.client-id", AmazonAdapterTest.CLIENT_ID);
        environment.setProperty("aftersales.credentials.amazon-na.client-secret", AmazonAdapterTest.CLIENT_SECRET);
        environment.setProperty("aftersales.credentials.amazon-na.refresh-token", AmazonAdapterTest.REFRESH_TOKEN);
        return environment;
    }

    static AmazonAdapter adapter(MockEnvironment environment, MutableClock clock) {
        return new AmazonAdapter(ProviderTestSupport.clients(environment), new CredentialStore(environment), clock,
                new InMemoryOperationJournal(), amazon.baseUrl() + TOKEN_PATH, AmazonAdapterTest.USER_AGENT);
    }

    static StoreConnection store() {
        return new StoreConnection("amazon-us", Platform.AMAZON, amazon.baseUrl(), "A3DEMOSELLERUS", MARKETPLACE,
                "amazon-na", "USD", "en");
    }

    static ResponseDefinitionBuilder created(String reportId) {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RateLimit-Limit", "0.0167").withBody("{\"reportId\": \"" + reportId + "\"}");
    }

    static String report(String status, String documentId, String ended) {
        return """
                {"reportType": "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "processingStatus": "%s",
                 "marketplaceIds": ["ATVPDKIKX0DER"], %s"reportId": "%s",
                 "dataStartTime": "2025-07-01T00:00:00+00:00", "dataEndTime": "2025-07-20T12:00:00+00:00",
                 "createdTime": "2025-07-20T12:00:05+00:00", "processingStartTime": "2025-07-20T12:00:09+00:00"
                 %s}""".formatted(status, documentId == null ? "" : "\"reportDocumentId\": \"" + documentId + "\", ",
                REPORT_ID, ended == null ? "" : ", \"processingEndTime\": \"" + ended + "\"");
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** getReport DONE, getReportDocument with a pre-signed url, and the document behind it. */
    void reportDone(String document, boolean compressed) {
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID))
                .willReturn(okJson(report("DONE", DOCUMENT_ID, "2025-07-20T12:02:41+00:00"))));
        amazon.stubFor(get(urlEqualTo("/reports/2021-06-30/documents/" + DOCUMENT_ID)).willReturn(okJson("""
                {"reportDocumentId": "%s", "url": "%s"%s}""".formatted(DOCUMENT_ID, amazon.baseUrl() + DOWNLOAD
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=5ee7f00d",
                compressed ? ", \"compressionAlgorithm\": \"GZIP\"" : ""))));
        amazon.stubFor(get(urlPathEqualTo(DOWNLOAD)).willReturn(compressed
                ? aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                        .withBody(gzip(document))
                : aResponse().withStatus(200).withHeader("Content-Type", "text/plain;charset=UTF-8")
                        .withBody(document.getBytes(StandardCharsets.UTF_8))));
    }

    PlatformReturnBatch read(String cursor) {
        return adapter.platformReturns(store, new PlatformReturnsQuery("amazon-us", SINCE, cursor));
    }

    static String pending(Instant from, Instant to) {
        return "amazon-returns/1 report " + REPORT_ID + " " + from + " " + to + " " + SINCE;
    }

    static Kind kind(Throwable e) {
        return ((ProviderFailure) e).kind();
    }

    // --- the rounds ---------------------------------------------------------------------------

    @Test
    void aReportIsAskedForThenWaitedForThenReadAndTheCursorMovesOn() {
        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(created(REPORT_ID)));
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID)).inScenario("report")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(report("IN_QUEUE", null, null)))
                .willSetStateTo("queued"));
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID)).inScenario("report")
                .whenScenarioStateIs("queued").willReturn(okJson(report("IN_PROGRESS", null, null)))
                .willSetStateTo("processing"));

        PlatformReturnBatch asked = read(null);

        amazon.verify(1, postRequestedFor(urlEqualTo(REPORTS))
                .withHeader("x-amz-access-token", equalTo(TOKEN))
                .withRequestBody(equalToJson("""
                        {"reportType": "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "marketplaceIds": ["ATVPDKIKX0DER"],
                         "dataStartTime": "2025-07-01T00:00:00Z", "dataEndTime": "2025-07-20T12:00:00Z"}""")));
        assertThat(asked.returns()).isEmpty();
        assertThat(asked.more()).isFalse();
        assertThat(asked.cursor()).isEqualTo(pending(SINCE, NOW));

        clock.advance(Duration.ofMinutes(1));
        PlatformReturnBatch queued = read(asked.cursor());
        clock.advance(Duration.ofMinutes(1));
        PlatformReturnBatch processing = read(queued.cursor());

        assertThat(queued).isEqualTo(new PlatformReturnBatch(java.util.List.of(), asked.cursor(), false));
        assertThat(processing).isEqualTo(queued);

        reportDone(AmazonAdapterTest.fixture("returns-report.tsv"), true);
        clock.advance(Duration.ofMinutes(1));
        PlatformReturnBatch done = read(processing.cursor());

        amazon.verify(1, getRequestedFor(urlPathEqualTo(DOWNLOAD)).withHeader("x-amz-access-token", absent()));
        assertThat(done.more()).isFalse();
        assertThat(done.cursor()).isEqualTo("amazon-returns/1 read " + NOW + " " + SINCE);
        assertThat(done.returns()).containsExactly(
                new PlatformReturn("DkTqWmbNbRMA", "113-1111111-1111111", "POWERBANK-20K", 1, "CR-DEFECTIVE",
                        "REFUND", Instant.parse("2025-07-14T12:00:00Z"), "Approved", "USPS",
                        "9202090339598300000011"),
                new PlatformReturn("DpLsRvcQxRMA/KNIT-SWEATER-M", "113-2222222-2222222", "KNIT-SWEATER-M", 1,
                        "AMZ-PG-APP-TOO-SMALL", "REFUND", Instant.parse("2025-07-15T12:00:00Z"), "Approved", "UPS",
                        "1Z999AA10123456784"),
                new PlatformReturn("DpLsRvcQxRMA/USB-C-CABLE", "113-2222222-2222222", "USB-C-CABLE", 2,
                        "AMZ-PG-APP-TOO-SMALL", "REFUND", Instant.parse("2025-07-15T12:00:00Z"), "Approved", "UPS",
                        "1Z999AA10123456784"),
                new PlatformReturn("113-3333333-3333333/DESK-LAMP/2025-07-16", "113-3333333-3333333", "DESK-LAMP", 1,
                        "CR-SWITCHEROO", "EXCHANGE", Instant.parse("2025-07-16T12:00:00Z"), "Pending", null, null));
        assertThat(done.returns().toString()).as("item names, amounts and label costs stay in the report")
                .doesNotContain("Helloword", "39.99", "4.14", "B0POWER001");
    }

    @Test
    void theNextWindowStartsTwoDaysBeforeTheLastEndedButNotSoonerThanAQuarterOfAnHourLater() {
        String read = "amazon-returns/1 read " + NOW + " " + SINCE;
        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(created(REPORT_ID)));

        clock.advance(Duration.ofMinutes(10));
        PlatformReturnBatch tooSoon = read(read);

        assertThat(tooSoon).isEqualTo(new PlatformReturnBatch(java.util.List.of(), read, false));
        amazon.verify(0, anyRequestedFor(anyUrl()));

        clock.advance(Duration.ofMinutes(50));
        PlatformReturnBatch next = read(read);

        Instant later = NOW.plus(Duration.ofHours(1));
        amazon.verify(1, postRequestedFor(urlEqualTo(REPORTS)).withRequestBody(equalToJson("""
                {"reportType": "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "marketplaceIds": ["ATVPDKIKX0DER"],
                 "dataStartTime": "2025-07-18T12:00:00Z", "dataEndTime": "2025-07-20T13:00:00Z"}""")));
        assertThat(next.cursor()).isEqualTo(pending(Instant.parse("2025-07-18T12:00:00Z"), later));
    }

    @Test
    void aLongBacklogIsReadSixtyDaysAtATimeAndSaysThereIsMore() {
        Instant since = NOW.minus(Duration.ofDays(90));
        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(created(REPORT_ID)));

        PlatformReturnBatch asked = adapter.platformReturns(store, new PlatformReturnsQuery("amazon-us", since, null));

        Instant cut = since.plus(Duration.ofDays(60));
        assertThat(asked.cursor()).isEqualTo("amazon-returns/1 report " + REPORT_ID + " " + since + " " + cut + " "
                + since);
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID))
                .willReturn(okJson(report("CANCELLED", null, "2025-07-20T12:01:00+00:00"))));

        PlatformReturnBatch empty = adapter.platformReturns(store, new PlatformReturnsQuery("amazon-us", since,
                asked.cursor()));

        assertThat(empty.returns()).isEmpty();
        assertThat(empty.more()).as("the rest of the backlog is read at once").isTrue();
        assertThat(empty.cursor()).isEqualTo("amazon-returns/1 read " + cut + " " + since);

        adapter.platformReturns(store, new PlatformReturnsQuery("amazon-us", since, empty.cursor()));

        amazon.verify(postRequestedFor(urlEqualTo(REPORTS)).withRequestBody(equalToJson("""
                {"reportType": "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "marketplaceIds": ["ATVPDKIKX0DER"],
                 "dataStartTime": "%s", "dataEndTime": "%s"}""".formatted(cut.minus(Duration.ofDays(2)), NOW))));
    }

    @Test
    void aCancelledReportHadNoReturnsAndTheWindowCountsAsRead() {
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID))
                .willReturn(okJson(report("CANCELLED", null, "2025-07-20T12:01:00+00:00"))));

        PlatformReturnBatch batch = read(pending(SINCE, NOW));

        assertThat(batch).isEqualTo(new PlatformReturnBatch(java.util.List.of(),
                "amazon-returns/1 read " + NOW + " " + SINCE, false));
        amazon.verify(0, getRequestedFor(urlPathEqualTo("/reports/2021-06-30/documents/" + DOCUMENT_ID)));
    }

    @Test
    void aFatalReportFailsTheRoundClearlyAndTheCursorKeepsItsWindow() {
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID))
                .willReturn(okJson(report("FATAL", null, "2025-07-20T11:40:00+00:00"))));
        String cursor = pending(SINCE, NOW);

        assertThatThrownBy(() -> read(cursor)).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("could not make returns report " + REPORT_ID)
                .hasMessageContaining("FATAL")
                .hasMessageContaining(SINCE + " to " + NOW)
                .hasMessageContaining("no returns are lost");
        amazon.verify(0, postRequestedFor(urlEqualTo(REPORTS)));

        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(created("50012018999")));
        clock.advance(Duration.ofHours(1));
        PlatformReturnBatch again = read(cursor);

        assertThat(again.returns()).isEmpty();
        assertThat(again.cursor()).as("the same window, asked for again")
                .isEqualTo("amazon-returns/1 report 50012018999 " + SINCE + " " + NOW + " " + SINCE);
        amazon.verify(1, postRequestedFor(urlEqualTo(REPORTS)).withRequestBody(equalToJson("""
                {"reportType": "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE", "marketplaceIds": ["ATVPDKIKX0DER"],
                 "dataStartTime": "2025-07-01T00:00:00Z", "dataEndTime": "2025-07-20T12:00:00Z"}""")));
    }

    @Test
    void anUncompressedDocumentIsReadAsItComes() {
        reportDone(AmazonAdapterTest.fixture("returns-report.tsv"), false);

        PlatformReturnBatch done = read(pending(SINCE, NOW));

        assertThat(done.returns()).hasSize(4);
    }

    // --- rate limits and refusals --------------------------------------------------------------

    @Test
    void throttlingOfCreateReportIsRateLimitedWithAmazonsRateAndNotRetriedForAMinute() {
        amazon.stubFor(post(urlEqualTo(REPORTS)).willReturn(AmazonAdapterTest.spApiError(429,
                "error-quota-exceeded.json", "TooManyRequestsException").withHeader("x-amzn-RateLimit-Limit",
                "0.0167")));

        assertThatThrownBy(() -> read(null)).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.RATE_LIMITED))
                .satisfies(e -> assertThat(((ProviderFailure) e).retryAfter()).isEqualTo(Duration.ofMillis(59881)))
                .hasMessageContaining("QuotaExceeded");
        amazon.verify(1, postRequestedFor(urlEqualTo(REPORTS)));
    }

    @Test
    void throttlingOfGetReportIsWaitedOutAndRetried() {
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID)).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(AmazonAdapterTest.spApiError(429, "error-quota-exceeded.json", "TooManyRequestsException")
                        .withHeader("x-amzn-RateLimit-Limit", "20.0"))
                .willSetStateTo("again"));
        amazon.stubFor(get(urlEqualTo(REPORTS + "/" + REPORT_ID)).inScenario("throttled")
                .whenScenarioStateIs("again").willReturn(okJson(report("IN_PROGRESS", null, null))));

        PlatformReturnBatch batch = read(pending(SINCE, NOW));

        assertThat(batch.cursor()).isEqualTo(pending(SINCE, NOW));
        amazon.verify(2, getRequestedFor(urlEqualTo(REPORTS + "/" + REPORT_ID)));
    }

    @Test
    void aReportWithoutANeededColumnIsRefusedAndTheCursorStays() {
        String report = AmazonAdapterTest.fixture("returns-report.tsv").replace("Amazon RMA ID", "Amazon Return ID");
        reportDone(report, true);

        assertThatThrownBy(() -> read(pending(SINCE, NOW))).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED))
                .hasMessageContaining("returns report " + REPORT_ID)
                .hasMessageContaining("has no column Amazon RMA ID")
                .hasMessageContaining("changed the report's layout");
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderNamesIsRefused() {
        String report = AmazonAdapterTest.fixture("returns-report.tsv").replace("\tDESK-LAMP\t",
                "\tDESK-LAMP\tan extra cell\t");
        reportDone(report, true);

        assertThatThrownBy(() -> read(pending(SINCE, NOW))).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED))
                .hasMessageContaining("row 4 has 33 cells but the header names 32 columns");
    }

    @Test
    void columnsAmazonAddsAreNeverTakenOver() {
        String[] lines = AmazonAdapterTest.fixture("returns-report.tsv").split("\n");
        StringBuilder report = new StringBuilder(lines[0] + "\tBuyer name\tShip address\n");
        for (int i = 1; i < lines.length; i++) {
            report.append(lines[i]).append("\tEmily Carter\t12 Elm Street, Springfield\n");
        }
        reportDone(report.toString(), true);

        PlatformReturnBatch done = read(pending(SINCE, NOW));

        assertThat(done.returns()).hasSize(4);
        assertThat(done.toString()).doesNotContain("Emily", "Elm Street");
    }

    @Test
    void aCursorTheAdapterDidNotMakeIsRefused() {
        assertThatThrownBy(() -> read("ebay:2025-07-01")).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED))
                .hasMessageContaining("was not made by the Amazon adapter");
        assertThatThrownBy(() -> adapter.platformReturns(store, new PlatformReturnsQuery("amazon-us", null, null)))
                .isInstanceOf(ProviderFailure.class).hasMessageContaining("needs a 'since'");
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestDayIsNoonUtcSoThatEveryStoreZoneSeesTheSameDay() {
        Instant requested = ReturnsReport.requestedAt(java.time.LocalDate.of(2025, 7, 14));

        assertThat(requested).isEqualTo(Instant.parse("2025-07-14T12:00:00Z"));
        for (String zone : java.util.List.of("Pacific/Pago_Pago", "Pacific/Honolulu", "America/Los_Angeles",
                "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Pacific/Noumea")) {
            assertThat(requested.atZone(java.time.ZoneId.of(zone)).toLocalDate()).as(zone)
                    .isEqualTo(java.time.LocalDate.of(2025, 7, 14));
        }
    }

    @Test
    void aReturnWithoutTrackingYetGetsNoOtherLabelButARetryUntilTheReportBringsAmazons() {
        PlatformReturnCommand command = new PlatformReturnCommand(store.storeId(),
                "113-3333333-3333333/DESK-LAMP/2025-07-16", "113-3333333-3333333", "Return R-1", "return:R-1:label");

        assertThatThrownBy(() -> adapter.platformReturnLabel(store, command)).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("Amazon gives the buyer its prepaid label once the return is authorised:"
                        + " authorise it in Seller Central (Manage Returns); the label's tracking comes with the next"
                        + " returns report")
                .satisfies(e -> assertThat(((ProviderFailure) e).retryable()).isTrue());
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }
}
