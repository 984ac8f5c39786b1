package com.helloword.aftersales.platform.amazon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.helloword.aftersales.casefile.Platform;
import com.helloword.aftersales.integration.CredentialStore;
import com.helloword.aftersales.integration.PlatformCannotException;
import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.BuyerMessageCommand;
import com.helloword.aftersales.platform.MarketplacePort.ClaimAction;
import com.helloword.aftersales.platform.MarketplacePort.ClaimRef;
import com.helloword.aftersales.platform.MarketplacePort.ClaimResponseCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.DelistResult;
import com.helloword.aftersales.platform.MarketplacePort.OrderHoldCommand;
import com.helloword.aftersales.platform.MarketplacePort.PartialRefundOffer;
import com.helloword.aftersales.platform.MarketplacePort.RefundCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistCommand;
import com.helloword.aftersales.platform.MarketplacePort.RelistResult;
import com.helloword.aftersales.platform.StoreConnection;
import com.helloword.aftersales.support.InMemoryOperationJournal;
import com.helloword.aftersales.support.ProviderTestSupport;

/**
 * Payloads follow Amazon's SP-API models (Messaging v1, Listings Items 2021-08-01), the error shapes Amazon
 * documents and that developers reported (403 for an expired token, 429 QuotaExceeded without Retry-After), and the
 * Login with Amazon token answer. Fixtures are in {@code src/test/resources/amazon}.
 */
class AmazonAdapterTest {

    @RegisterExtension
    static WireMockExtension amazon = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SELLER = "A3DEMOSELLERUS";
    static final String MARKETPLACE = "ATVPDKIKX0DER";
    static final String ORDER = "113-1234567-1234567";
    static final String SKU = "POWERBANK-20K";
    static final String TOKEN_PATH = "/auth/o2/token";
    static final String ACTIONS = "/messaging/v1/orders/" + ORDER;
    static final String MESSAGE = ACTIONS + "/messages/unexpectedProblem";
    static final String LISTING = "/listings/2021-08-01/items/" + SELLER + "/" + SKU;
    static final String USER_AGENT = "helloword-aftersales-test/0.1 (Language=Java/17)";
    static final String CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef";
    static final String CLIENT_SECRET = "amzn1.oa2-cs.v1.secret-for-tests";
    static final String REFRESH_TOKEN = "Atzr|IwEBIA-refresh-token-for-tests";
    static final String FIRST_TOKEN = "Atza|IQEBLjAsAhRmHjNgHpi0U-first";
    static final String SECOND_TOKEN = "Atza|IQEBLjAsAhRmHjNgHpi0U-second";
    static final String TEXT = "We are sorry: the carrier reports a delay. Your parcel should arrive by Friday.";

    AmazonAdapter adapter;
    StoreConnection store;

    /**
     * The first call in a JVM loads the HTTP client, Jackson and WireMock's handlers, which can take longer than the
     * 500 ms read timeout of the tests; one untimed call first keeps the attempt counts of the tests exact.
     */
    @BeforeAll
    static void warmUp() {
        MockEnvironment environment = environment();
        environment.setProperty("aftersales.providers.amazon.read-timeout", "30s");
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(lwaToken(FIRST_TOKEN))));
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item-sold-out.json"))));
        adapter(environment).delistSku(store(), new DelistCommand("amazon-us", SKU, "warm-up", "warm-up"));
    }

    @BeforeEach
    void setUp() {
        adapter = adapter(environment());
        store = store();
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(lwaToken(FIRST_TOKEN))));
    }

    static MockEnvironment environment() {
        MockEnvironment environment = ProviderTestSupport.environment("amazon");
        environment.setProperty("aftersales.credentials.amazon-na.client-id", CLIENT_ID);
        environment.setProperty("aftersales.credentials.amazon-na.client-secret", CLIENT_SECRET);
        environment.setProperty("aftersales.credentials.amazon-na.refresh-token", REFRESH_TOKEN);
        return environment;
    }

    static AmazonAdapter adapter(MockEnvironment environment) {
        return new AmazonAdapter(ProviderTestSupport.clients(environment), new CredentialStore(environment),
                Clock.systemUTC(), new InMemoryOperationJournal(), amazon.baseUrl() + TOKEN_PATH, USER_AGENT);
    }

    static StoreConnection store() {
        return new StoreConnection("amazon-us", Platform.AMAZON, amazon.baseUrl(), SELLER, MARKETPLACE, "amazon-na",
                "USD", "en");
    }

    static String fixture(String name) {
        try (InputStream in = AmazonAdapterTest.class.getResourceAsStream("/amazon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lwaToken(String accessToken) {
        return """
                {"access_token": "%s", "refresh_token": "%s", "token_type": "bearer", "expires_in": 3600}"""
                .formatted(accessToken, REFRESH_TOKEN);
    }

    /** An SP-API error answer as Amazon sends it: JSON body, request id, error type header. */
    static ResponseDefinitionBuilder spApiError(int status, String fixture, String errorType) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "a3bd9c4e-5c4f-4b7e-9a0e-1b2c3d4e5f60")
                .withHeader("x-amzn-ErrorType", errorType).withBody(fixture(fixture));
    }

    static ResponseDefinitionBuilder halJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/hal+json").withBody(body);
    }

    static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/hal+json").withBody("{}");
    }

    void sendMessage() {
        adapter.sendBuyerMessage(store, new BuyerMessageCommand("amazon-us", ORDER, TEXT, "case:AS-1:delay-msg"));
    }

    DelistResult delist() {
        return adapter.delistSku(store, new DelistCommand("amazon-us", SKU, "Recall R-1", "recall:R-1:amazon-us"));
    }

    static Kind kind(Throwable e) {
        return ((ProviderFailure) e).kind();
    }

    // --- buyer messages -----------------------------------------------------------------------

    @Test
    void aMessageIsSentAsUnexpectedProblemWhenAmazonOffersThatAction() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE)).willReturn(created()));

        sendMessage();

        amazon.verify(getRequestedFor(urlPathEqualTo(ACTIONS))
                .withQueryParam("marketplaceIds", equalTo(MARKETPLACE))
                .withHeader("x-amz-access-token", equalTo(FIRST_TOKEN))
                .withHeader("User-Agent", equalTo(USER_AGENT)));
        amazon.verify(1, postRequestedFor(urlPathEqualTo(MESSAGE))
                .withQueryParam("marketplaceIds", equalTo(MARKETPLACE))
                .withHeader("x-amz-access-token", equalTo(FIRST_TOKEN))
                .withHeader("User-Agent", equalTo(USER_AGENT))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"text\": \"" + TEXT + "\"}")));
        amazon.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET)));
    }

    @Test
    void theAccessTokenIsReusedForTheNextCall() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE)).willReturn(created()));

        sendMessage();
        sendMessage();

        amazon.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        amazon.verify(2, postRequestedFor(urlPathEqualTo(MESSAGE)).withHeader("x-amz-access-token",
                equalTo(FIRST_TOKEN)));
    }

    @Test
    void amazonNotOfferingTheMessageTypeIsWorkForAPerson() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS))
                .willReturn(halJson(fixture("messaging-actions-without-unexpected-problem.json"))));

        assertThatThrownBy(this::sendMessage).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("only in certain order states")
                .hasMessageContaining("Buyer-Seller Messages");
        amazon.verify(0, postRequestedFor(urlPathEqualTo(MESSAGE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<p>Sorry for the delay</p>", "Sorry!<br/>Your parcel is late",
        "Please write to support@helloword.example for a refund"})
    void aMessageAmazonWouldRefuseIsRefusedBeforeAnythingIsSent(String text) {
        assertThatThrownBy(() -> adapter.sendBuyerMessage(store, new BuyerMessageCommand("amazon-us", ORDER, text,
                "case:AS-1:msg"))).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aMessageMayHave2000CharactersButNotMore() {
        String longest = "é".repeat(AmazonMessages.MAX_MESSAGE_LENGTH);

        assertThat(AmazonMessages.checkedMessage(longest)).isEqualTo(longest);
        assertThatThrownBy(() -> AmazonMessages.checkedMessage(longest + "!")).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("2001 characters").hasMessageContaining("at most 2000");
        assertThat(AmazonMessages.checkedMessage("Order 113-1234567-1234567: price < 20 USD > expected"))
                .contains("price < 20");
    }

    @Test
    void anAmazonRejectionCarriesAmazonsWordsAndIsNotRetried() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE))
                .willReturn(spApiError(400, "error-invalid-input.json", "ValidationException")));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("HTTP 400 InvalidInput: Invalid Input")
                .hasMessageContaining("request a3bd9c4e-5c4f-4b7e-9a0e-1b2c3d4e5f60")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        amazon.verify(1, postRequestedFor(urlPathEqualTo(MESSAGE)));
    }

    @Test
    void aForbiddenTemplateIsARejectionNotACredentialProblem() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE))
                .willReturn(spApiError(403, "error-template-combination.json", "AccessDeniedException")));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("Invalid amazonOrderId and template combination.")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        amazon.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        amazon.verify(1, postRequestedFor(urlPathEqualTo(MESSAGE)));
    }

    // --- tokens -------------------------------------------------------------------------------

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() {
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("lwa").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(lwaToken(FIRST_TOKEN))).willSetStateTo("renewed"));
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("lwa").whenScenarioStateIs("renewed")
                .willReturn(okJson(lwaToken(SECOND_TOKEN))));
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).withHeader("x-amz-access-token", equalTo(FIRST_TOKEN))
                .willReturn(spApiError(403, "error-expired-token.json", "AccessDeniedException")));
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).withHeader("x-amz-access-token", equalTo(SECOND_TOKEN))
                .willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE)).willReturn(created()));

        sendMessage();

        amazon.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        amazon.verify(1, postRequestedFor(urlPathEqualTo(MESSAGE))
                .withHeader("x-amz-access-token", equalTo(SECOND_TOKEN)));
    }

    @Test
    void aTokenRefusedAgainAfterRenewalIsUnauthorized() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS))
                .willReturn(spApiError(403, "error-expired-token.json", "AccessDeniedException")));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("The access token you provided has expired.")
                .hasMessageNotContaining(FIRST_TOKEN)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAUTHORIZED));
        amazon.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        amazon.verify(2, getRequestedFor(urlPathEqualTo(ACTIONS)));
    }

    @Test
    void aRefreshTokenLoginWithAmazonRefusesIsUnauthorizedAndAmazonIsNotCalled() {
        amazon.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("lwa-invalid-grant.json"))));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("authorize the app again")
                .hasMessageNotContaining(REFRESH_TOKEN).hasMessageNotContaining(CLIENT_SECRET)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAUTHORIZED));
        amazon.verify(0, getRequestedFor(urlPathEqualTo(ACTIONS)));
    }

    @Test
    void aStoreWithoutCredentialsIsToldWhichVariableToSet() {
        StoreConnection unconfigured = new StoreConnection("amazon-de", Platform.AMAZON, amazon.baseUrl(),
                "A3DEMOSELLERDE", "A1PA6795UKMFR9", "amazon-eu", "EUR", "de");

        assertThatThrownBy(() -> adapter.delistSku(unconfigured, new DelistCommand("amazon-de", SKU, "Recall", "k")))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("AFTERSALES_CREDENTIALS_AMAZON_EU_CLIENT_ID");
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }

    // --- throttling, outages, broken answers --------------------------------------------------

    @Test
    void quotaExceededIsRetriedWithBackoff() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(spApiError(429, "error-quota-exceeded.json", "TooManyRequestsException"))
                .willSetStateTo("refilled"));
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).inScenario("quota").whenScenarioStateIs("refilled")
                .willReturn(halJson(fixture("messaging-actions.json"))));
        amazon.stubFor(post(urlPathEqualTo(MESSAGE)).willReturn(created()));

        sendMessage();

        amazon.verify(2, getRequestedFor(urlPathEqualTo(ACTIONS)));
        amazon.verify(1, postRequestedFor(urlPathEqualTo(MESSAGE)));
    }

    @Test
    void quotaExceededThatDoesNotPassIsRateLimited() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS))
                .willReturn(spApiError(429, "error-quota-exceeded.json", "TooManyRequestsException")));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("QuotaExceeded: You exceeded your quota for the requested resource.")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.RATE_LIMITED));
        amazon.verify(3, getRequestedFor(urlPathEqualTo(ACTIONS)));
    }

    @Test
    void theUsagePlanRateTellsHowLongToWaitForTheNextToken() {
        assertThat(SpApiErrors.waitForOneToken("0.5")).isEqualTo(Duration.ofSeconds(2));
        assertThat(SpApiErrors.waitForOneToken("5.0")).isEqualTo(Duration.ofMillis(200));
        assertThat(SpApiErrors.waitForOneToken(null)).isNull();
        assertThat(SpApiErrors.waitForOneToken("fast")).isNull();
    }

    @Test
    void aServerErrorIsRetriedUntilItWorks() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(spApiError(503, "error-service-unavailable.json", "ServiceUnavailableException"))
                .willSetStateTo("up"));
        amazon.stubFor(get(urlPathEqualTo(LISTING)).inScenario("5xx").whenScenarioStateIs("up")
                .willReturn(okJson(fixture("listings-item.json"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-submission-accepted.json"))));

        assertThat(delist().actions()).hasSize(1);
        amazon.verify(2, getRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void noAnswerInTimeIsATimeoutAfterTheLastAttempt() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item.json"))
                .withFixedDelay(1500)));

        assertThatThrownBy(this::delist).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("no answer within")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.TIMEOUT));
        amazon.verify(3, getRequestedFor(urlPathEqualTo(LISTING)));
        amazon.verify(0, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedAndNotRetried() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service maintenance</body></html>")));

        assertThatThrownBy(this::delist).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("not JSON").hasMessageContaining("Service maintenance")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));
        amazon.verify(1, getRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void actionsWithoutTheRequiredLinksAreMalformed() {
        amazon.stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(halJson("{\"_embedded\": {\"actions\": []}}")));

        assertThatThrownBy(this::sendMessage).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("/_links/actions")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.MALFORMED));
        amazon.verify(1, getRequestedFor(urlPathEqualTo(ACTIONS)));
    }

    // --- delisting ----------------------------------------------------------------------------

    @Test
    void delistingSetsTheSellerFulfilledQuantityToZeroWithTheListingsProductType() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item.json"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-submission-accepted.json"))));

        DelistResult result = delist();

        assertThat(result.actions()).containsExactly("Amazon: seller-fulfilled quantity of SKU POWERBANK-20K set to 0 "
                + "on ATVPDKIKX0DER (was 140; submission f1dc2914-75dd-11ea-bc55-0242ac130003, applied by Amazon "
                + "asynchronously)");
        amazon.verify(getRequestedFor(urlPathEqualTo(LISTING))
                .withQueryParam("marketplaceIds", equalTo(MARKETPLACE))
                .withQueryParam("includedData", equalTo("summaries,fulfillmentAvailability"))
                .withHeader("x-amz-access-token", equalTo(FIRST_TOKEN)));
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING))
                .withQueryParam("marketplaceIds", equalTo(MARKETPLACE))
                .withHeader("x-amz-access-token", equalTo(FIRST_TOKEN))
                .withHeader("User-Agent", equalTo(USER_AGENT))
                .withRequestBody(equalToJson("""
                        {"productType": "PORTABLE_ELECTRONIC_DEVICE_BATTERY", "patches": [
                          {"op": "merge", "path": "/attributes/fulfillment_availability",
                           "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 0}]}]}""")));
    }

    @Test
    void aSkuWithReservedCharactersIsEncodedInThePath() {
        String sku = "PB 20K/black+1";
        String path = "/listings/2021-08-01/items/" + SELLER + "/PB%2020K%2Fblack%2B1";
        amazon.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(fixture("listings-item.json"))));
        amazon.stubFor(patch(urlPathEqualTo(path)).willReturn(okJson(fixture("listings-submission-accepted.json"))));

        adapter.delistSku(store, new DelistCommand("amazon-us", sku, "Recall R-2", "recall:R-2:amazon-us"));

        amazon.verify(1, patchRequestedFor(urlPathEqualTo(path))
                .withRequestBody(matchingJsonPath("$.patches[0].value[0].quantity", equalTo("0"))));
    }

    @Test
    void aListingAlreadyAtZeroIsNotPatchedAgain() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item-sold-out.json"))));

        assertThat(delist().actions()).containsExactly(
                "Amazon: seller-fulfilled quantity of SKU POWERBANK-20K on ATVPDKIKX0DER was already 0");
        amazon.verify(0, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void aPatchAmazonFindsInvalidIsRefusedWithAmazonsIssues() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item.json"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-submission-invalid.json"))));

        assertThatThrownBy(this::delist).isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("Amazon refused to set SKU POWERBANK-20K to quantity 0")
                .hasMessageContaining("90000900 The attributes are invalid.")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.REJECTED));
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void stockAmazonHoldsCannotBeDelistedThroughTheApi() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item-fba.json"))));

        assertThatThrownBy(this::delist).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("AMAZON_NA").hasMessageContaining("removal order");
        amazon.verify(0, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void aSkuSoldFromBothStocksIsZeroedForTheSellerAndTheRestGoesToAPerson() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item.json")
                .replace("{\"fulfillmentChannelCode\": \"DEFAULT\", \"quantity\": 140}",
                        "{\"fulfillmentChannelCode\": \"DEFAULT\", \"quantity\": 140}, "
                                + "{\"fulfillmentChannelCode\": \"AMAZON_NA\", \"quantity\": 37}"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-submission-accepted.json"))));

        assertThatThrownBy(this::delist).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("seller-fulfilled quantity of SKU POWERBANK-20K set to 0 on ATVPDKIKX0DER")
                .hasMessageContaining("units in Amazon's warehouses (AMAZON_NA) stay buyable");
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING))
                .withRequestBody(matchingJsonPath("$.patches[0].value[0].fulfillment_channel_code",
                        equalTo("DEFAULT"))));
    }

    // --- relisting ----------------------------------------------------------------------------

    RelistResult relist(String key) {
        return adapter.relistSku(store, new RelistCommand("amazon-us", SKU, "Recall R-1 cancelled", key));
    }

    /** The listing at 140 until the first patch, at 0 after it (Amazon applied the delisting). */
    void listingThatGoesToZeroWhenPatched() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("listings-item.json"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("listings-submission-accepted.json"))).willSetStateTo("zero"));
        amazon.stubFor(get(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(fixture("listings-item-sold-out.json"))));
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(fixture("listings-submission-accepted.json"))));
    }

    @Test
    void relistingMergesBackTheQuantityTheListingHadBeforeTheDelisting() {
        listingThatGoesToZeroWhenPatched();
        delist();

        RelistResult result = relist("recall:R-1:amazon-us:relist");

        assertThat(result.actions()).containsExactly("Amazon: seller-fulfilled quantity of SKU POWERBANK-20K set "
                + "back to 140 on ATVPDKIKX0DER (submission f1dc2914-75dd-11ea-bc55-0242ac130003, applied by Amazon "
                + "asynchronously)");
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING))
                .withQueryParam("marketplaceIds", equalTo(MARKETPLACE))
                .withHeader("x-amz-access-token", equalTo(FIRST_TOKEN))
                .withRequestBody(equalToJson("""
                        {"productType": "PORTABLE_ELECTRONIC_DEVICE_BATTERY", "patches": [
                          {"op": "merge", "path": "/attributes/fulfillment_availability",
                           "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": 140}]}]}""")));
    }

    @Test
    void relistingTwiceWithTheSameKeyCallsAmazonOnce() {
        listingThatGoesToZeroWhenPatched();
        delist();

        RelistResult first = relist("recall:R-1:amazon-us:relist");
        RelistResult again = relist("recall:R-1:amazon-us:relist");

        assertThat(again).isEqualTo(first);
        amazon.verify(2, getRequestedFor(urlPathEqualTo(LISTING)));
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING))
                .withRequestBody(matchingJsonPath("$.patches[0].value[0].quantity", equalTo("140"))));
    }

    @Test
    void aRepeatedDelistingKeepsTheQuantityFromBeforeTheFirst() {
        listingThatGoesToZeroWhenPatched();
        delist();
        delist();

        relist("recall:R-1:amazon-us:relist");

        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING))
                .withRequestBody(matchingJsonPath("$.patches[0].value[0].quantity", equalTo("140"))));
    }

    @Test
    void aQuantitySomeoneSetSinceIsLeftAsItIs() {
        listingThatGoesToZeroWhenPatched();
        delist();
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item.json")
                .replace("\"quantity\": 140", "\"quantity\": 9"))));

        assertThat(relist("recall:R-1:amazon-us:relist").actions()).containsExactly(
                "Amazon: seller-fulfilled quantity of SKU POWERBANK-20K on ATVPDKIKX0DER is 9 already; left as it is");
        amazon.verify(1, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void relistingWhatThisSystemDidNotStopIsLeftToSellerCentral() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(okJson(fixture("listings-item-sold-out.json"))));

        assertThatThrownBy(() -> relist("recall:R-9:amazon-us:relist")).isInstanceOf(PlatformCannotException.class)
                .hasMessageContaining("does not know the quantity").hasMessageContaining("Seller Central");
        amazon.verify(0, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void aSkuAmazonDoesNotListIsReportedAsNotListedAndNotRetried() {
        amazon.stubFor(get(urlPathEqualTo(LISTING)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"errors": [{"code": "NOT_FOUND", "message": "SKU 'POWERBANK-20K' not found in marketplace \
                        ATVPDKIKX0DER", "details": ""}]}""")));

        assertThat(delist().actions()).containsExactly("Amazon: SKU POWERBANK-20K is not listed on store amazon-us "
                + "(marketplace ATVPDKIKX0DER); nothing to change");
        assertThat(relist("recall:R-1:amazon-us:relist").actions()).containsExactly("Amazon: SKU POWERBANK-20K is "
                + "not listed on store amazon-us (marketplace ATVPDKIKX0DER); nothing to change");
        amazon.verify(2, getRequestedFor(urlPathEqualTo(LISTING)));
        amazon.verify(0, patchRequestedFor(urlPathEqualTo(LISTING)));
    }

    @Test
    void anAmazonOutageWhileRelistingIsAProviderFailureAndTheRelistStaysOpen() {
        listingThatGoesToZeroWhenPatched();
        delist();
        amazon.stubFor(patch(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(spApiError(503, "error-service-unavailable.json", "ServiceUnavailableException")));

        assertThatThrownBy(() -> relist("recall:R-1:amazon-us:relist")).isInstanceOf(ProviderFailure.class)
                .satisfies(e -> assertThat(kind(e)).isEqualTo(Kind.UNAVAILABLE));
        amazon.verify(1 + 3, patchRequestedFor(urlPathEqualTo(LISTING)));

        amazon.stubFor(patch(urlPathEqualTo(LISTING)).inScenario("stock").whenScenarioStateIs("zero")
                .willReturn(okJson(fixture("listings-submission-accepted.json"))));
        assertThat(relist("recall:R-1:amazon-us:relist").actions()).singleElement().asString()
                .contains("set back to 140");
    }

    // --- what Amazon's API cannot do ----------------------------------------------------------

    @Test
    void refundsAreLeftToSellerCentral() {
        assertCannot(() -> adapter.refund(store, new RefundCommand("amazon-us", ORDER, new BigDecimal("19.99"), "USD",
                "parcel lost", "case:AS-1:refund")), "refund in Seller Central");
    }

    @Test
    void partialRefundOffersAreLeftToSellerCentral() {
        assertCannot(() -> adapter.offerPartialRefund(store, new PartialRefundOffer("amazon-us", ORDER, null,
                new BigDecimal("5.00"), "USD", "Keep it, with 5 USD back", "case:AS-1:offer")),
                "no offer to the buyer");
    }

    @Test
    void ordersCannotBeHeldOrReleased() {
        OrderHoldCommand hold = new OrderHoldCommand("amazon-us", ORDER, "Dispute AS-7", "dispute:AS-7");

        assertCannot(() -> adapter.holdOrder(store, hold), "Amazon has no order hold");
        assertCannot(() -> adapter.releaseOrder(store, hold), "never places a hold");
    }

    @Test
    void aToZClaimsAreHandledInSellerCentral() {
        assertCannot(() -> adapter.getClaim(store, new ClaimRef("amazon-us", "AZ-1")), "A-to-z Guarantee Claims");
        assertCannot(() -> adapter.respondToClaim(store, new ClaimResponseCommand("amazon-us", "AZ-1",
                ClaimAction.PROVIDE_TRACKING, null, null, "Delivered", "UPS", "1Z999AA10123456784", "case:AS-2:claim")),
                "A-to-z Guarantee Claims");
    }

    void assertCannot(ThrowingCallable call, String whatToDo) {
        assertThatThrownBy(call).isInstanceOf(PlatformCannotException.class).hasMessageContaining(whatToDo)
                .satisfies(e -> assertThat(((PlatformCannotException) e).platform()).isEqualTo("Amazon"));
        amazon.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void amazonClaimsComeByMailNotAsAFeed() {
        assertThatThrownBy(() -> adapter.platformClaims(store, new com.helloword.aftersales.platform.MarketplacePort
                .PlatformClaimsQuery("amazon-us", java.time.Instant.parse("2026-03-01T00:00:00Z"), null)))
                .isInstanceOf(PlatformCannotException.class).hasMessageContaining("notification");
    }
}
