package com.helloword.aftersales.platform.ebay;

import static com.helloword.aftersales.platform.ebay.EbayTestSupport.SAMPLE_SIGNATURE;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_JWE;
import static com.helloword.aftersales.platform.ebay.EbayTestSupport.TEST_PRIVATE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.integration.Secret;

/** eBay's signature guide and verification service README give a sample request and its signature. */
class EbaySignerTest {

    private static final Instant SAMPLE_CREATED = Instant.ofEpochSecond(1659651955);
    private static final byte[] SAMPLE_BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    private static EbaySigner signer(String privateKey) throws GeneralSecurityException {
        return EbaySigner.of(new Secret(privateKey), new Secret(TEST_JWE));
    }

    @Test
    void ebaysSampleRequestGetsTheSignatureEbayPublishes() throws Exception {
        Map<String, String> headers = signer(TEST_PRIVATE_KEY).headers("POST",
                URI.create("http://localhost:8080/verifysignature"), SAMPLE_BODY, SAMPLE_CREATED);

        assertThat(headers).containsEntry("Content-Digest", "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
                .containsEntry("x-ebay-signature-key", TEST_JWE)
                .containsEntry("x-ebay-enforce-signature", "true")
                .containsEntry("Signature-Input", "sig1=(\"content-digest\" \"x-ebay-signature-key\" \"@method\""
                        + " \"@path\" \"@authority\");created=1659651955")
                .containsEntry("Signature", "sig1=:" + SAMPLE_SIGNATURE + ":");
    }

    @Test
    void aPemKeyAndItsBareBase64SignAlike() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\\n" + TEST_PRIVATE_KEY + "\\n-----END PRIVATE KEY-----";
        URI uri = URI.create("http://localhost:8080/verifysignature");

        assertThat(signer(pem).headers("POST", uri, SAMPLE_BODY, SAMPLE_CREATED))
                .containsEntry("Signature", "sig1=:" + SAMPLE_SIGNATURE + ":");
    }

    @Test
    void withoutABodyThereIsNoDigestAndTheDefaultPortIsLeftOut() throws Exception {
        Map<String, String> headers = signer(TEST_PRIVATE_KEY).headers("POST",
                URI.create("https://api.ebay.com/post-order/v2/casemanagement/5123456789/issue_refund"), new byte[0],
                SAMPLE_CREATED);

        assertThat(headers).doesNotContainKey("Content-Digest")
                .containsEntry("Signature-Input", "sig1=(\"x-ebay-signature-key\" \"@method\" \"@path\""
                        + " \"@authority\");created=1659651955");
        // the signature must cover @authority "api.ebay.com" (no :443); the base is rebuilt and verified here
        String base = "\"x-ebay-signature-key\": " + TEST_JWE + "\n\"@method\": POST\n"
                + "\"@path\": /post-order/v2/casemanagement/5123456789/issue_refund\n\"@authority\": api.ebay.com\n"
                + "\"@signature-params\": (\"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\")"
                + ";created=1659651955";
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(EbayTestSupport.TEST_PUBLIC_KEY))));
        verifier.update(base.getBytes(StandardCharsets.UTF_8));
        String signature = headers.get("Signature");
        assertThat(verifier.verify(Base64.getDecoder().decode(signature.substring(6, signature.length() - 1))))
                .isTrue();
    }

    @Test
    void aKeyThatIsNotEd25519IsRefused() throws Exception {
        String rsa = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> signer(rsa)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> signer("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
    }
}
