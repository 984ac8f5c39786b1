package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.AmazonAdapter.PROVIDER;
import static com.helloword.aftersales.platform.amazon.SpApi.encode;
import static com.helloword.aftersales.platform.amazon.SpApi.marketplaceId;
import static com.helloword.aftersales.platform.amazon.SpApi.refused;
import static com.helloword.aftersales.platform.amazon.SpApi.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Returns opened on Amazon, through the Reports API 2021-06-30: {@code createReport}, {@code getReport} and
 * {@code getReportDocument} for the merchant-fulfilled returns report ({@link ReturnsReport}), read over several
 * rounds with a {@link ReturnsCursor}. The buyer's prepaid label is Amazon's; its tracking comes in the report.
 */
final class AmazonReturns {

    private static final String REPORTS = "/reports/2021-06-30/reports";
    private static final String REPORT_DOCUMENTS = "/reports/2021-06-30/documents/";
    /** Amazon: "You can request up to 60 days of data in a single report." */
    static final Duration MAX_REPORT_WINDOW = Duration.ofDays(60);
    /** Each new window starts this long before the last one ended, for returns Amazon lists late; ids repeat. */
    static final Duration REPORT_OVERLAP = Duration.ofDays(2);
    /** No new report sooner than this after the last window's end (createReport allows one a minute). */
    static final Duration REPORT_INTERVAL = Duration.ofMinutes(15);
    /** How long a FATAL report fails the rounds, so a person sees it, before its window is asked for again. */
    static final Duration FATAL_SHOWN_FOR = Duration.ofHours(1);

    /** Body of {@code createReport}. */
    record CreateReportSpecification(String reportType, List<String> marketplaceIds, String dataStartTime,
            String dataEndTime) {
    }

    /** A downloaded report document, before decompression. */
    private record Download(byte[] bytes, Charset charset) {
    }

    private final SpApi api;
    private final ProviderClient client;
    private final Clock clock;

    AmazonReturns(SpApi api, Clock clock) {
        this.api = api;
        this.client = api.client();
        this.clock = clock;
    }

    /**
     * Reads the merchant-fulfilled returns report a round at a time, since a report takes minutes to make. With a
     * "read" cursor (or none: from {@code since}) it asks Amazon for a report of the next window, from two days
     * before the last window's end (returns that Amazon lists late; the caller takes each id once) to now, at most
     * 60 days, and answers with no returns and a "report" cursor. With a "report" cursor it looks at that report:
     * not done yet, the same cursor again; CANCELLED (Amazon's way of saying there was no data), no returns and the
     * window read; DONE, the document's returns and the window read. {@code more} is true only when the window was
     * cut at 60 days, so that the caller goes on at once. FATAL fails the round with a {@link ProviderFailure} for an
     * hour, keeping the cursor; after that the window is asked for again.
     */
    PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
        ReturnsCursor cursor;
        if (query.cursor() == null || query.cursor().isBlank()) {
            if (query.since() == null) {
                throw refused("the first read of Amazon returns needs a 'since' (or a cursor)");
            }
            cursor = ReturnsCursor.start(query.since().truncatedTo(ChronoUnit.SECONDS));
        } else {
            cursor = ReturnsCursor.parse(query.cursor());
        }
        String marketplace = marketplaceId(store);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (cursor.waitingForReport()) {
            return readReport(store, cursor, now);
        }
        if (Duration.between(cursor.until(), now).compareTo(REPORT_INTERVAL) < 0) {
            return new PlatformReturnBatch(List.of(), cursor.text(), false);
        }
        Instant from = latest(cursor.floor(), cursor.until().minus(REPORT_OVERLAP));
        Instant to = earliest(now, from.plus(MAX_REPORT_WINDOW));
        return new PlatformReturnBatch(List.of(), requestReport(store, marketplace, from, to, cursor).text(), false);
    }

    private ReturnsCursor requestReport(StoreConnection store, String marketplace, Instant from, Instant to,
            ReturnsCursor cursor) {
        CreateReportSpecification specification = new CreateReportSpecification(ReturnsReport.REPORT_TYPE,
                List.of(marketplace), from.toString(), to.toString());
        // a report made twice (answer lost, retried) costs Amazon a second report and nothing else
        String reportId = api.withToken("createReport", store, token -> client.require(client.json(api.request(
                HttpMethod.POST, URI.create(store.apiBaseUrl() + REPORTS), token, specification)), "/reportId")
                .asText());
        return ReturnsCursor.report(reportId, from, to, cursor.floor());
    }

    private PlatformReturnBatch readReport(StoreConnection store, ReturnsCursor cursor, Instant now) {
        String reportId = cursor.reportId();
        JsonNode report = api.withToken("getReport", store, token -> client.json(api.request(HttpMethod.GET,
                URI.create(store.apiBaseUrl() + REPORTS + "/" + encode(reportId)), token, null)));
        boolean cut = !cursor.to().isBefore(cursor.from().plus(MAX_REPORT_WINDOW));
        String status = client.require(report, "/processingStatus").asText();
        switch (status) {
            case "IN_QUEUE", "IN_PROGRESS":
                return new PlatformReturnBatch(List.of(), cursor.text(), false);
            case "CANCELLED":
                return new PlatformReturnBatch(List.of(), cursor.windowRead().text(), cut);
            case "DONE":
                String documentId = client.require(report, "/reportDocumentId").asText();
                List<PlatformReturn> returns = api.withToken("getReportDocument", store,
                        token -> ReturnsReport.parse(document(store, documentId, token), reportId));
                return new PlatformReturnBatch(returns, cursor.windowRead().text(), cut);
            case "FATAL":
                Instant ended = instant(report, "processingEndTime", instant(report, "createdTime", now));
                if (ended.isAfter(now.minus(FATAL_SHOWN_FOR))) {
                    String document = text(report, "reportDocumentId");
                    throw new ProviderFailure(PROVIDER, Kind.REJECTED, 200, "Amazon could not make returns report "
                            + reportId + " for " + cursor.from() + " to " + cursor.to() + " (processingStatus FATAL"
                            + (document == null ? "" : ", its document " + document + " may say why") + "); no "
                            + "returns are lost: the cursor still holds the window, and from " + ended.plus(
                            FATAL_SHOWN_FOR) + " on the next round asks Amazon for a new report of it");
                }
                return new PlatformReturnBatch(List.of(), requestReport(store, marketplaceId(store), cursor.from(),
                        cursor.to(), cursor).text(), false);
            default:
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "getReport answered processingStatus '"
                        + status + "' for report " + reportId + ", which Amazon does not document");
        }
    }

    /**
     * The report document's text: {@code getReportDocument} gives a pre-signed URL (valid for 5 minutes, so it is
     * fetched at once and asked for again on a retry) and, when Amazon compressed it, {@code compressionAlgorithm}
     * GZIP. The URL needs no access token and gets none.
     */
    private String document(StoreConnection store, String documentId, Secret token) {
        JsonNode document = client.json(api.request(HttpMethod.GET,
                URI.create(store.apiBaseUrl() + REPORT_DOCUMENTS + encode(documentId)), token, null));
        String url = client.require(document, "/url").asText();
        String compression = text(document, "compressionAlgorithm");
        if (compression != null && !"GZIP".equals(compression)) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "report document " + documentId
                    + " is compressed with " + compression + "; Amazon documents only GZIP");
        }
        Download download = download(url);
        byte[] bytes = download.bytes();
        if (compression != null) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException notGzip) {
                throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "report document " + documentId
                        + " is said to be GZIP but cannot be decompressed: " + notGzip.getMessage(), null, notGzip);
            }
        }
        return new String(bytes, download.charset());
    }

    private Download download(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUrl) {
            throw new ProviderFailure(PROVIDER, Kind.MALFORMED, 200, "getReportDocument answered with a url that "
                    + "is none", null, notAUrl);
        }
        try {
            return api.http().get().uri(uri).header(HttpHeaders.USER_AGENT, api.userAgent())
                    .exchange((req, response) -> {
                        MediaType type = response.getHeaders().getContentType();
                        Charset charset = type != null && type.getCharset() != null ? type.getCharset()
                                : StandardCharsets.UTF_8;
                        return new Download(response.getBody().readAllBytes(), charset);
                    });
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new ProviderFailure(PROVIDER, Kind.TIMEOUT, 0, "the report document did not arrive in time",
                        null, e);
            }
            throw new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 0, "cannot download the report document: "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), null, e);
        }
    }

    private static Instant instant(JsonNode node, String field, Instant otherwise) {
        String value = text(node, field);
        if (value == null) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Called only while the return's report row has no tracking yet (a Pending return, waiting for the seller to
     * authorise it). The label is Amazon's, never the own carrier's: this fails retryably, without a call to
     * Amazon, so the caller's step tries again until a later report brings the tracking, and its label deadline
     * tells the team leads if nobody authorises the return.
     */
    PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        throw new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 0, "Amazon gives the buyer its prepaid label once the"
                + " return is authorised: authorise it in Seller Central (Manage Returns); the label's tracking comes"
                + " with the next returns report");
    }
}
