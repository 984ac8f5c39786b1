package com.helloword.aftersales.buyer;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.helloword.aftersales.support.MutableClock;

class BuyerLinksTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-test";

    final MutableClock clock = new MutableClock();
    final BuyerLinks links = new BuyerLinks(SECRET, "https://service.example/", Duration.ofDays(60), clock,
            new MockEnvironment());

    private static String token(String url) {
        String query = URI.create(url).getRawQuery();
        return query.substring(query.indexOf("t=") + 2);
    }

    @Test
    void aLinkActsOnItsOwnCaseAndActionOnly() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String confirm = links.confirmUrl("AS-1");
        assertThat(confirm).startsWith("https://service.example/buyer/cases/AS-1/confirm?t=");
        String token = token(confirm);

        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, token)).isTrue();
        assertThat(links.verify("AS-2", BuyerLinks.Action.CONFIRM, token)).isFalse();
        assertThat(links.verify("AS-1", BuyerLinks.Action.RATE, token)).isFalse();
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, token.substring(0, token.length() - 1) + "A"))
                .isFalse();
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, null)).isFalse();
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, "no-dot")).isFalse();
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, "x." + token.substring(token.indexOf('.') + 1)))
                .isFalse();
    }

    @Test
    void theExpiryCannotBeMovedAndExpiredLinksStopWorking() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String token = token(links.ratingUrl("AS-1", 4));
        long expires = Long.parseLong(token.substring(0, token.indexOf('.')));
        String signature = token.substring(token.indexOf('.'));

        assertThat(links.verify("AS-1", BuyerLinks.Action.RATE, (expires + 86_400) + signature)).isFalse();
        clock.advance(Duration.ofDays(59));
        assertThat(links.verify("AS-1", BuyerLinks.Action.RATE, token)).isTrue();
        clock.advance(Duration.ofDays(2));
        assertThat(links.verify("AS-1", BuyerLinks.Action.RATE, token)).isFalse();
    }

    /**
     * Issue 19, point 9: a refused link is answered in the buyer's language where it can be known without
     * telling a made-up link anything: the language the link names, else (our own link, only expired) the
     * subject's, else the browser's.
     */
    @Test
    void aRefusedLinkIsAnsweredInTheLanguageOfItsMailElseOfItsSubjectIfOursElseOfTheBrowser() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String confirm = links.confirmUrl("AS-1", "de");
        assertThat(confirm).startsWith("https://service.example/buyer/cases/AS-1/confirm?t=").endsWith("&lang=de");
        assertThat(links.ratingUrl("AS-1", 4, "pt-BR")).endsWith("&lang=pt");
        assertThat(links.returnLabelUrl("RMA-1", "ja")).endsWith("&lang=ja");
        assertThat(links.confirmUrl("AS-1", null)).doesNotContain("lang=");
        String token = URI.create(confirm).getRawQuery().replaceAll(".*t=([^&]+).*", "$1");
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, token)).isTrue();
        java.util.function.Function<String, String> german = subject -> "de";

        assertThat(links.refusalLanguage("AS-1", BuyerLinks.Action.CONFIRM, "1.forged", "de", "en-US", german))
                .isEqualTo("de");
        assertThat(links.refusalLanguage("AS-1", BuyerLinks.Action.CONFIRM, "1.forged", null, "fr-FR,fr;q=0.9",
                german)).as("a made-up link learns nothing of the case").isEqualTo("fr");
        assertThat(links.refusalLanguage("AS-1", BuyerLinks.Action.CONFIRM, "1.forged", "<script>", "*", german))
                .isNull();
        clock.advance(Duration.ofDays(61));
        assertThat(links.verify("AS-1", BuyerLinks.Action.CONFIRM, token)).isFalse();
        assertThat(links.refusalLanguage("AS-1", BuyerLinks.Action.CONFIRM, token, null, "en-US", german))
                .as("our own link, expired").isEqualTo("de");
        assertThat(links.refusalLanguage("AS-1", BuyerLinks.Action.RATE, token, null, "en-US", german))
                .as("signed for another action").isEqualTo("en");
    }

    @Test
    void anotherServersSecretMakesOtherTokens() {
        BuyerLinks other = new BuyerLinks(SECRET + "-other", "https://service.example", Duration.ofDays(60), clock,
                new MockEnvironment());
        assertThat(other.verify("AS-1", BuyerLinks.Action.CONFIRM, token(links.confirmUrl("AS-1")))).isFalse();
    }

    @Test
    void productionRefusesTheDemoSecretAndShortOnes() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new BuyerLinks(BuyerLinks.DEMO_SECRET, "https://x", Duration.ofDays(1), clock, prod))
                .hasMessageContaining("BUYER_LINK_SECRET");
        assertThatThrownBy(() -> new BuyerLinks("short", "https://x", Duration.ofDays(1), clock, prod))
                .hasMessageContaining("BUYER_LINK_SECRET");
        assertThat(new BuyerLinks(SECRET, "https://x", Duration.ofDays(1), clock, prod).confirmUrl("AS-1"))
                .contains("/buyer/cases/AS-1/confirm");
    }

    @Test
    void withoutAPublicBaseUrlLinksNameThePortTheServerListensOn() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "9090");
        BuyerLinks derived = new BuyerLinks(SECRET, Duration.ofDays(60), clock, environment);
        assertThat(derived.confirmUrl("AS-1")).startsWith("http://localhost:9090/buyer/cases/AS-1/confirm?t=");

        // server.port 0 (a free port): the port the server was bound to, known once it runs
        environment.setProperty("server.port", "0");
        environment.setProperty("local.server.port", "41234");
        assertThat(derived.ratingUrl("AS-1", 5)).startsWith("http://localhost:41234/buyer/cases/AS-1/rating?");
        assertThat(derived.returnLabelUrl("RMA-1")).startsWith("http://localhost:41234/buyer/returns/RMA-1/label?");
        assertThat(derived.returnStartUrl(7, "DEFECT", "REFUND", "de"))
                .startsWith("http://localhost:41234/buyer/returns/start?o=7&");

        assertThat(new BuyerLinks(SECRET, Duration.ofDays(60), clock, new MockEnvironment()).confirmUrl("AS-1"))
                .as("nothing configured at all").startsWith("http://localhost:8080/buyer/cases/AS-1/confirm?");
    }

    @Test
    void aPublicBaseUrlWinsOverThePort() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "41234")
                .withProperty(BuyerLinks.BASE_URL, "https://service.example/after-sales/");
        assertThat(new BuyerLinks(SECRET, Duration.ofDays(60), clock, environment).confirmUrl("AS-1"))
                .startsWith("https://service.example/after-sales/buyer/cases/AS-1/confirm?t=");

        environment.setProperty(BuyerLinks.BASE_URL, " ");
        assertThat(new BuyerLinks(SECRET, Duration.ofDays(60), clock, environment).confirmUrl("AS-1"))
                .as("PUBLIC_BASE_URL set but empty").startsWith("http://localhost:41234/buyer/cases/AS-1/confirm?");
    }
}
