package com.helloword.aftersales.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The sandbox checks eBay signatures like eBay: requests are signed here independently of the
 * adapter's signer, with the sandbox's key, then changed in one place each.
 */
class SandboxEbaySignatureTest {

    static final String PATH = "/sandbox/ebay/ebay-de/sell/fulfillment/v1/order/12-34567-89012/issue_refund";
    static final String JWE = SandboxEnvironment.EBAY_SANDBOX_JWE_PREFIX + SandboxEnvironment.EBAY_SIGNING_PUBLIC_KEY;
    static final byte[] BODY = "{\"reasonForRefund\":\"BUYER_CANCEL\"}".getBytes(StandardCharsets.UTF_8);

    final EbaySignatureCheck check = new EbaySignatureCheck();

    private static MockHttpServletRequest signed(byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        request.addHeader("Host", "127.0.0.1:8080");
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        String parameters = "(\"content-digest\" \"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\")"
                + ";created=1767225600";
        String base = String.join("\n", "\"content-digest\": " + digest, "\"x-ebay-signature-key\": " + JWE,
                "\"@method\": POST", "\"@path\": " + PATH, "\"@authority\": 127.0.0.1:8080",
                "\"@signature-params\": " + parameters);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(SandboxEnvironment.EBAY_SIGNING_PRIVATE_KEY))));
        signer.update(base.getBytes(StandardCharsets.UTF_8));
        request.addHeader("x-ebay-signature-key", JWE);
        request.addHeader("Content-Digest", digest);
        request.addHeader("Signature-Input", "sig1=" + parameters);
        request.addHeader("Signature", "sig1=:" + Base64.getEncoder().encodeToString(signer.sign()) + ":");
        return request;
    }

    @Test
    void aCorrectlySignedRequestPasses() throws Exception {
        assertThat(check.problem(true, signed(BODY), BODY)).isNull();
    }

    @Test
    void aChangedBodyPathOrAuthorityIsRefused() throws Exception {
        byte[] other = "{\"reasonForRefund\":\"SELLER_CANCEL\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(check.problem(true, signed(BODY), other)).contains("Content-Digest");

        MockHttpServletRequest otherPath = signed(BODY);
        otherPath.setRequestURI(PATH.replace("12-34567-89012", "12-34567-89013"));
        assertThat(check.problem(true, otherPath, BODY)).contains("Signature validation failed");

        MockHttpServletRequest otherHost = signed(BODY);
        otherHost.removeHeader("Host");
        otherHost.addHeader("Host", "127.0.0.1:9090");
        assertThat(check.problem(true, otherHost, BODY)).contains("Signature validation failed");
    }

    @Test
    void aMissingSignatureIsRefusedOnlyWhereOneIsRequired() {
        MockHttpServletRequest unsigned = new MockHttpServletRequest("POST", PATH);

        assertThat(check.problem(true, unsigned, BODY)).contains("EU/UK seller");
        assertThat(check.problem(false, unsigned, BODY)).isNull();
    }
}
