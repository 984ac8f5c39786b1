package com.helloword.aftersales.platform.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error bodies as eBay documents them for the RESTful APIs, Post-Order and OAuth. */
class EbayErrorBodiesTest {

    @Test
    void restfulErrorsBecomeOneLine() {
        assertThat(EbayErrorBodies.describe("""
                {"errors": [{"errorId": 1001, "domain": "OAuth", "category": "REQUEST",
                  "message": "Invalid access token",
                  "longMessage": "Invalid access token. Check the value of the Authorization HTTP request header."}]}
                """)).isEqualTo("eBay error 1001: Invalid access token (Invalid access token. Check the value of"
                + " the Authorization HTTP request header.)");
    }

    @Test
    void postOrderErrorsInBothFormsBecomeOneLine() {
        assertThat(EbayErrorBodies.describe("""
                {"errorMessage": {"error": [{"errorId": 1302, "domain": "caseErrorDomain", "severity": "ERROR",
                  "category": "REQUEST", "message": "The user information is not valid.",
                  "parameter": [{"name": "caseId", "value": "5123456789"}], "httpStatusCode": "400"}]}}
                """)).isEqualTo("eBay error 1302: The user information is not valid.");
        assertThat(EbayErrorBodies.describe("""
                {"error": [{"errorId": 1001, "severity": "ERROR", "category": "APPLICATION",
                  "message": "Application encountered an internal error."},
                 {"errorId": 1617, "severity": "WARNING", "category": "REQUEST", "message": "Invalid return id"}]}
                """)).isEqualTo("eBay error 1001: Application encountered an internal error.; eBay error 1617:"
                + " Invalid return id");
    }

    @Test
    void oauthErrorsBecomeOneLine() {
        assertThat(EbayErrorBodies.describe("""
                {"error": "invalid_grant", "error_description": "the provided authorization refresh token is invalid\
                 or was issued to another client"}""")).isEqualTo("eBay OAuth invalid_grant: the provided"
                + " authorization refresh token is invalid or was issued to another client");
    }

    @Test
    void otherBodiesAreLeftAlone() {
        assertThat(EbayErrorBodies.describe("<html><body>Service Unavailable</body></html>")).isNull();
        assertThat(EbayErrorBodies.describe("{\"status\": \"down\"}")).isNull();
        assertThat(EbayErrorBodies.describe("")).isNull();
    }
}
