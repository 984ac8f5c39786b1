package com.helloword.aftersales.platform.amazon;

import static com.helloword.aftersales.platform.amazon.SpApi.encode;
import static com.helloword.aftersales.platform.amazon.SpApi.marketplaceId;
import static com.helloword.aftersales.platform.amazon.SpApi.refused;
import static com.helloword.aftersales.platform.amazon.SpApi.text;
import static com.helloword.aftersales.platform.amazon.SpApi.uri;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderClient;
import com.helloword.aftersales.integration.ProviderClients;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.Secret;
import com.helloword.aftersales.platform.MarketplaceAdapter;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeOrderCommand;
import com.helloword.aftersales.platform.MarketplacePort.ExchangeResult;
import com.helloword.aftersales.platform.MarketplacePort.HoldResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.PlatformClaim;
import com.helloword.aftersales.platform.MarketplacePort.PlatformLabel;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnBatch;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnCommand;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturnsQuery;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RefundResult;
import com.helloword.aftersales.platform.MarketplacePort.ShipTo;
import com.helloword.aftersales.platform.MarketplacePort.ShipToRef;
import com.helloword.aftersales.platform.StoreConnection;

/**
 * Amazon through the Selling Partner API, at the store's regional endpoint ({@code apiBaseUrl}, e.g.
 * {@code https://sellingpartnerapi-eu.amazon.com}), for the store's {@code marketplaceId} and seller id
 * ({@code accountId}). Calls carry a Login with Amazon access token in {@code x-amz-access-token} (refresh-token grant
 * against {@code aftersales.providers.amazon.token-url}, cached, renewed once when Amazon refuses it) and a
 * {@code User-Agent}; AWS Signature V4 is not sent, Amazon stopped requiring it in October 2023.
 *
 * <p>API versions used:
 * <ul>
 * <li>Messaging API v1: {@code getMessagingActionsForOrder}, then {@code createUnexpectedProblem}
 * ({@code POST /messaging/v1/orders/{id}/messages/unexpectedProblem}), the one message type that fits after-sales.
 * Amazon offers no idempotency key for messages: a message sent twice reaches the buyer twice, so once-only belongs to
 * the caller (the outbox or process step that records a sent message).</li>
 * <li>Orders API v0 {@code getOrderAddress} and {@code getOrderBuyerInfo} with a Restricted Data Token from the
 * Tokens API 2021-03-01 ({@code createRestrictedDataToken} for exactly those two paths, used once and not kept):
 * the buyer's delivery address for a return label. The app needs the restricted Direct-to-Consumer Delivery role;
 * without it Amazon refuses the token, and a person copies the address from Seller Central.</li>
 * <li>Listings Items API 2021-08-01: {@code getListingsItem} ({@code includedData=summaries,fulfillmentAvailability})
 * for the product type, then {@code patchListingsItem} with a JSON Patch {@code merge} of
 * {@code fulfillment_availability} to quantity 0 for the seller-fulfilled channel {@code DEFAULT}. Setting 0 again is
 * harmless, so delisting is naturally idempotent; Amazon applies the accepted submission asynchronously.</li>
 * <li>Reports API 2021-06-30: {@code createReport}, {@code getReport} and {@code getReportDocument} for the
 * merchant-fulfilled returns report {@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE} ({@link ReturnsReport}), read
 * over several rounds with a {@link ReturnsCursor}. Amazon authorises those returns itself, so accepting and
 * declining keep the port's "cannot" defaults; the buyer's prepaid label is Amazon's, and its tracking comes in the
 * report ({@link #platformReturnLabel} until then).</li>
 * </ul>
 *
 * <p>Refunds are not driven: the SP-API's only refund path is the Feeds API 2021-06-30 order adjustment feed
 * ({@code POST_PAYMENT_ADJUSTMENT_DATA}), which is processed hours later, needs the order's item codes and a split of
 * the amount into price components, and has no duplicate protection: Amazon documents the feed's
 * {@code MerchantAdjustmentItemID} as "not used by Amazon", so a feed submitted again after a lost answer refunds
 * again. Holds, partial-refund offers and A-to-z claims have no SP-API at all. These operations throw
 * {@link PlatformCannotException} with what a person does in Seller Central instead.
 */
@Component
class AmazonAdapter implements MarketplaceAdapter {

    static final String PROVIDER = "amazon";
    static final String DEFAULT_USER_AGENT = "helloword-aftersales/0.1 (Language=Java/17)";

    static final String AMAZON = "Amazon";
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
    private final AmazonMessages messages;
    private final AmazonListings listings;
    private final AmazonOrders orders;

    AmazonAdapter(ProviderClients clients, CredentialStore credentials, Clock clock,
            @Value("${aftersales.providers.amazon.token-url:https://api.amazon.com/auth/o2/token}") String tokenUrl,
            @Value("${aftersales.providers.amazon.user-agent:" + DEFAULT_USER_AGENT + "}") String userAgent) {
        this.api = new SpApi(clients.forProvider(PROVIDER), credentials, clock, tokenUrl, userAgent);
        this.client = api.client();
        this.clock = clock;
        this.messages = new AmazonMessages(api);
        this.listings = new AmazonListings(api);
        this.orders = new AmazonOrders(api);
    }

    @Override
    public Platform platform() {
        return Platform.AMAZON;
    }

    // --- buyer messages -----------------------------------------------------------------------

    @Override
    public void sendBuyerMessage(StoreConnection store, BuyerMessageCommand command) {
        messages.sendBuyerMessage(store, command);
    }

    // --- delisting ----------------------------------------------------------------------------

    @Override
    public DelistResult delistSku(StoreConnection store, DelistCommand command) {
        return listings.delistSku(store, command);
    }

    // --- delivery address ----------------------------------------------------------------------

    @Override
    public ShipTo getShipTo(StoreConnection store, ShipToRef ref) {
        return orders.getShipTo(store, ref);
    }

    // --- returns opened on Amazon ---------------------------------------------------------------

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
    @Override
    public PlatformReturnBatch platformReturns(StoreConnection store, PlatformReturnsQuery query) {
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
            return api.http().get().uri(uri).header(HttpHeaders.USER_AGENT, api.userAgent()).exchange((req, response) -> {
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
    @Override
    public PlatformLabel platformReturnLabel(StoreConnection store, PlatformReturnCommand command) {
        throw new ProviderFailure(PROVIDER, Kind.UNAVAILABLE, 0, "Amazon gives the buyer its prepaid label once the"
                + " return is authorised: authorise it in Seller Central (Manage Returns); the label's tracking comes"
                + " with the next returns report");
    }

    // --- what the SP-API has no (safe) operation for ------------------------------------------

    @Override
    public ExchangeResult createExchangeOrder(StoreConnection store, ExchangeOrderCommand command) {
        throw new PlatformCannotException(AMAZON, "create an exchange order for order "
                + command.originalPlatformOrderId(), "Amazon has no API to place an order for a buyer; for stock in "
                + "Amazon's warehouses create a Multi-Channel Fulfillment order to the buyer's address in Seller "
                + "Central (Orders > Create MCF Order), otherwise ship the replacement yourself, and note it on the "
                + "case");
    }

    /** Not driven: see the class comment on the order adjustment feed. */
    @Override
    public RefundResult refund(StoreConnection store, RefundCommand command) {
        throw new PlatformCannotException(AMAZON, "refund order " + command.platformOrderId(),
                "refund in Seller Central (Orders > Manage Orders > Refund order); the API's only way is the order "
                        + "adjustment feed, processed hours later and without protection against refunding twice");
    }

    @Override
    public RefundResult offerPartialRefund(StoreConnection store, PartialRefundOffer offer) {
        throw new PlatformCannotException(AMAZON, "offer a partial refund", "Amazon has no offer to the buyer; "
                + "propose the amount in Seller Central (Buyer-Seller Messages) and, once accepted, refund it there "
                + "(Orders > Manage Orders > Refund order)");
    }

    @Override
    public HoldResult holdOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(AMAZON, "hold order " + command.platformOrderId(),
                "Amazon has no order hold; keep a seller-fulfilled order from being shipped in your own warehouse, "
                        + "or cancel it in Seller Central; for an order Amazon fulfils (FBA), contact Seller Support "
                        + "before it ships");
    }

    @Override
    public HoldResult releaseOrder(StoreConnection store, OrderHoldCommand command) {
        throw new PlatformCannotException(AMAZON, "release order " + command.platformOrderId(),
                "this system never places a hold on Amazon; lift the stop where it was set (your warehouse)");
    }

    @Override
    public PlatformClaim getClaim(StoreConnection store, ClaimRef ref) {
        throw new PlatformCannotException(AMAZON, "read A-to-z claim " + ref.claimId(),
                "the SP-API has no A-to-z Guarantee claims; open the claim in Seller Central "
                        + "(Performance > A-to-z Guarantee Claims)");
    }

    @Override
    public void respondToClaim(StoreConnection store, ClaimResponseCommand command) {
        throw new PlatformCannotException(AMAZON, "answer A-to-z claim " + command.claimId(),
                "answer it in Seller Central (Performance > A-to-z Guarantee Claims): refund, or give tracking "
                        + "and a note there");
    }
}
