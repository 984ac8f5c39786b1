package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.helloword.aftersales.security.Groups;

/**
 * The buyer-facing mail and pages of the resolution step (the agent's reply, the rating request and
 * the page behind their links) exist in every team language, with the same cases and variables as
 * the English original.
 */
class BuyerTemplatesTest {

    private static final String CASE_KEY = "AS-2026-000042";
    private static final String ORDER_ID = "302-1234567-7654321";
    private static final String AMOUNT = "12.50";
    private static final String COUPON_CODE = "SORRY-7Q4K";
    private static final String CONFIRM_URL = "https://shop.example/buyer/cases/AS-2026-000042/confirm?t=c0nf1rm";
    private static final String ACTION = "/buyer/cases/AS-2026-000042/rating";
    private static final String TOKEN = "tok-5b1f9e";
    private static final List<String> REMEDIES = List.of("NONE", "COUPON", "GOODWILL_DISCOUNT",
            "PARTIAL_REFUND_KEEP_ITEM", "REFUND", "RETURN_AND_REFUND", "FREE_EXCHANGE", "RESHIP");
    private static final Set<String> REMEDIES_WITH_AMOUNT = Set.of("COUPON", "PARTIAL_REFUND_KEEP_ITEM", "REFUND");
    private static final List<String> STATES = List.of("ASK_CONFIRM", "ASK_RATING", "CONFIRMED", "RATED", "NOTED",
            "ALREADY_DONE", "INVALID");
    private static final Pattern CASE = Pattern.compile("<#case\\s+\"([^\"]+)\"\\s*>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static Map<String, Object> replyModel(String remedy, String agentNote) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", CASE_KEY);
        model.put("orderId", ORDER_ID);
        model.put("storeName", "Helloword Amazon DE");
        model.put("remedy", remedy);
        model.put("percent", 37);
        model.put("amount", AMOUNT);
        model.put("currency", "EUR");
        model.put("couponCode", COUPON_CODE);
        model.put("agentNote", agentNote);
        model.put("confirmUrl", CONFIRM_URL);
        model.put("recipientName", "Kim");
        return model;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theReplyTellsEachRemedyInTheBuyersLanguage(String language) {
        Set<String> bodies = new HashSet<>();
        for (String remedy : REMEDIES) {
            RenderedMail mail = templates.render("case-reply", language,
                    replyModel(remedy, "We checked the parcel with the carrier."));

            assertThat(mail.language()).as(remedy).isEqualTo(language);
            assertThat(mail.subject()).as(remedy).contains(CASE_KEY).doesNotContain("<");
            assertThat(mail.html()).as(remedy).contains("<html lang=\"" + language + "\"", CASE_KEY,
                    "href=\"" + CONFIRM_URL + "\"", "We checked the parcel with the carrier.", "Helloword Amazon DE");
            assertThat(mail.text()).as(remedy).contains(CASE_KEY, CONFIRM_URL);
            if (REMEDIES_WITH_AMOUNT.contains(remedy)) {
                assertThat(mail.html()).as(remedy).contains(AMOUNT, "EUR");
            }
            if (remedy.equals("COUPON")) {
                assertThat(mail.html()).contains("<strong>" + COUPON_CODE + "</strong>");
            }
            if (remedy.equals("GOODWILL_DISCOUNT") || remedy.equals("PARTIAL_REFUND_KEEP_ITEM")) {
                assertThat(mail.html()).as(remedy).contains("37");
            }
            bodies.add(mail.html());
        }
        assertThat(bodies).as("one text per remedy").hasSize(REMEDIES.size());
    }

    /**
     * A remedy left for people (a refund by hand where the platform has no API, the warehouse's reship) is
     * told as what will happen, without the "my problem is solved" link, in every language.
     */
    @ParameterizedTest
    @MethodSource("languages")
    void aRemedyLeftForPeopleIsToldAsWhatWillHappen(String language) {
        for (String remedy : List.of("PARTIAL_REFUND_KEEP_ITEM", "REFUND", "RESHIP")) {
            Map<String, Object> pending = replyModel(remedy, null);
            pending.remove("agentNote");
            pending.put("remedyPending", true);
            Map<String, Object> done = new HashMap<>(pending);
            done.put("remedyPending", false);

            RenderedMail told = templates.render("case-reply", language, pending);
            RenderedMail happened = templates.render("case-reply", language, done);

            assertThat(told.html()).as(remedy).contains(CASE_KEY, ORDER_ID).doesNotContain(CONFIRM_URL)
                    .isNotEqualTo(happened.html());
            assertThat(happened.html()).as(remedy).contains("href=\"" + CONFIRM_URL + "\"");
            if (!remedy.equals("RESHIP")) {
                assertThat(told.html()).as(remedy).contains(AMOUNT, "EUR");
                assertThat(paragraph(told.html(), ORDER_ID)).as(remedy + ": the sentence itself changes tense")
                        .isNotEqualTo(paragraph(happened.html(), ORDER_ID));
            }
        }
        Map<String, Object> english = replyModel("PARTIAL_REFUND_KEEP_ITEM", null);
        english.put("remedyPending", true);
        assertThat(templates.render("case-reply", "en", english).text()).contains("We will refund 12.50 EUR")
                .doesNotContain("We have refunded");
        Map<String, Object> japanese = replyModel("PARTIAL_REFUND_KEEP_ITEM", null);
        japanese.put("remedyPending", true);
        assertThat(templates.render("case-reply", "ja", japanese).text()).contains("12.50 EUR", "ご返金いたします")
                .doesNotContain("ご返金いたしました");
    }

    /** What the buyer gets when the step left for people is done: it happened, in every language. */
    @ParameterizedTest
    @MethodSource("languages")
    void theDoneMailSaysWhatHappened(String language) {
        Set<String> bodies = new HashSet<>();
        for (String remedy : List.of("PARTIAL_REFUND_KEEP_ITEM", "REFUND", "RESHIP", "NONE")) {
            Map<String, Object> model = replyModel(remedy, null);
            model.remove("agentNote");
            model.put("trackingNumber", "00340434161094042557");
            RenderedMail mail = templates.render("case-remedy-done", language, model);

            assertThat(mail.language()).as(remedy).isEqualTo(language);
            assertThat(mail.subject()).as(remedy).contains(CASE_KEY).doesNotContain("<");
            assertThat(mail.html()).as(remedy).contains("<html lang=\"" + language + "\"", CASE_KEY, ORDER_ID,
                    "href=\"" + CONFIRM_URL + "\"", "Helloword Amazon DE");
            if (remedy.contains("REFUND")) {
                assertThat(mail.html()).as(remedy).contains(AMOUNT, "EUR");
            }
            if (remedy.equals("RESHIP")) {
                assertThat(mail.html()).contains("<strong>00340434161094042557</strong>");
            }
            assertThat(templates.render("case-remedy-done", language, Map.of("caseKey", CASE_KEY, "remedy", remedy))
                    .html()).as(remedy).contains(CASE_KEY).doesNotContainPattern("\\bnull\\b");
            bodies.add(mail.html());
        }
        assertThat(bodies).as("one text per remedy").hasSize(4);
        assertThat(templates.render("case-remedy-done", "en", replyModel("PARTIAL_REFUND_KEEP_ITEM", null)).text())
                .contains("We have now refunded 12.50 EUR");
        assertThat(templates.render("case-remedy-done", "ja", replyModel("PARTIAL_REFUND_KEEP_ITEM", null)).text())
                .contains("12.50 EUR", "ご返金いたしました");
    }

    /** The paragraph of the rendered mail that names the order: the remedy's own sentence. */
    private static String paragraph(String html, String marker) {
        for (String p : html.split("<p>")) {
            if (p.contains(marker)) {
                return p;
            }
        }
        throw new AssertionError("no paragraph with " + marker);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theAgentsNoteIsEscaped(String language) {
        RenderedMail mail = templates.render("case-reply", language,
                replyModel("REFUND", "<b>Sorry</b> & thanks"));

        assertThat(mail.html()).doesNotContain("<b>Sorry</b>").contains("&lt;b&gt;Sorry&lt;/b&gt; &amp; thanks");
        assertThat(mail.text()).contains("<b>Sorry</b> & thanks");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theReplyNeedsNoOptionalValues(String language) {
        for (String remedy : REMEDIES) {
            RenderedMail mail = templates.render("case-reply", language, Map.of("caseKey", CASE_KEY, "remedy", remedy));

            assertThat(mail.language()).isEqualTo(language);
            assertThat(mail.html()).as(remedy).contains(CASE_KEY).doesNotContainPattern("\\bnull\\b");
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theRatingRequestLinksAllFiveRatings(String language) {
        List<String> urls = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            urls.add("https://shop.example/buyer/cases/" + CASE_KEY + "/rating?stars=" + stars + "&t=r4te" + stars);
        }
        RenderedMail mail = templates.render("case-rating", language,
                Map.of("caseKey", CASE_KEY, "storeName", "Helloword Amazon DE", "recipientName", "Kim",
                        "ratingUrls", urls));

        assertThat(mail.language()).isEqualTo(language);
        assertThat(mail.subject()).contains(CASE_KEY);
        for (String url : urls) {
            assertThat(mail.html()).contains("href=\"" + url.replace("&", "&amp;") + "\"");
            assertThat(mail.text()).contains(url);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theBuyerLinkPageSaysEachStateInTheBuyersLanguage(String language) {
        Set<String> pages = new HashSet<>();
        for (String state : STATES) {
            Map<String, Object> model = new HashMap<>();
            model.put("caseKey", CASE_KEY);
            model.put("state", state);
            if (state.startsWith("ASK_")) {
                model.put("action", ACTION);
                model.put("token", TOKEN);
            }
            if (state.equals("ASK_RATING")) {
                model.put("stars", 4);
            }
            RenderedMail page = templates.renderPage("buyer-link", language, model);

            assertThat(page.language()).as(state).isEqualTo(language);
            assertThat(page.subject()).as(state).contains(CASE_KEY);
            assertThat(page.html()).as(state).contains("<html lang=\"" + language + "\"", "<h1>");
            if (state.startsWith("ASK_")) {
                assertThat(page.html()).as(state).contains("<form method=\"post\" action=\"" + ACTION + "\"",
                        "name=\"t\" value=\"" + TOKEN + "\"", "<button type=\"submit\">");
            } else {
                assertThat(page.html()).as(state).doesNotContain("<form", TOKEN);
            }
            if (state.equals("ASK_RATING")) {
                assertThat(page.html()).contains("value=\"4\" checked").doesNotContain("value=\"5\" checked");
                for (int stars = 1; stars <= 5; stars++) {
                    assertThat(page.html()).contains("name=\"stars\" value=\"" + stars + "\"");
                }
            }
            pages.add(page.html());
        }
        assertThat(pages).as("one text per state").hasSize(STATES.size());
    }

    @Test
    void everyLanguageSpeaksItsOwnWords() {
        Map<String, Object> model = replyModel("REFUND", null);
        model.remove("agentNote");
        Set<String> subjects = new HashSet<>();
        Set<String> doneSubjects = new HashSet<>();
        Set<String> ratingSubjects = new HashSet<>();
        Set<String> pageTexts = new HashSet<>();
        for (String language : languages()) {
            subjects.add(templates.render("case-reply", language, model).subject());
            doneSubjects.add(templates.render("case-remedy-done", language, model).subject());
            ratingSubjects.add(templates.render("case-rating", language,
                    Map.of("caseKey", CASE_KEY, "ratingUrls", List.of())).subject());
            pageTexts.add(templates.renderPage("buyer-link", language,
                    Map.of("caseKey", CASE_KEY, "state", "CONFIRMED")).text());
        }
        assertThat(subjects).hasSameSizeAs(languages());
        assertThat(doneSubjects).hasSameSizeAs(languages()).doesNotContainAnyElementsOf(subjects);
        assertThat(ratingSubjects).hasSameSizeAs(languages());
        assertThat(pageTexts).hasSameSizeAs(languages());
    }

    @Test
    void arabicIsRightToLeft() {
        assertThat(templates.render("case-reply", "ar", replyModel("COUPON", "note")).html()).contains("dir=\"rtl\"");
        assertThat(templates.render("case-rating", "ar", Map.of("caseKey", CASE_KEY, "ratingUrls", List.of())).html())
                .contains("dir=\"rtl\"");
        assertThat(templates.renderPage("buyer-link", "ar", Map.of("caseKey", CASE_KEY, "state", "RATED")).html())
                .contains("dir=\"rtl\"");
        assertThat(templates.renderPage("buyer-link", "fr", Map.of("caseKey", CASE_KEY, "state", "RATED")).html())
                .contains("dir=\"ltr\"");
    }

    /** A remedy or state added to the English template but not to a translation fails here. */
    @ParameterizedTest
    @MethodSource("languages")
    void everyTranslationHasTheSameCasesAndVariablesAsEnglish(String language) throws IOException {
        for (String template : List.of("mail/case-reply", "mail/case-remedy-done", "mail/case-rating",
                "pages/buyer-link")) {
            String english = source(template, "en");
            String translation = source(template, language);

            assertThat(all(CASE, translation)).as(template + "/" + language + " cases")
                    .isEqualTo(all(CASE, english));
            assertThat(all(VARIABLE, translation)).as(template + "/" + language + " variables")
                    .isEqualTo(all(VARIABLE, english));
            assertThat(translation.contains("<#default>")).as(template + "/" + language + " default")
                    .isEqualTo(english.contains("<#default>"));
        }
        assertThat(all(CASE, source("mail/case-reply", "en"))).containsAll(
                REMEDIES.stream().filter(remedy -> !remedy.equals("NONE")).toList());
        assertThat(all(CASE, source("pages/buyer-link", "en"))).containsAll(
                STATES.stream().filter(state -> !state.equals("INVALID")).toList());
    }

    private static String source(String template, String language) throws IOException {
        String path = "/templates/" + template + "/" + language + ".ftlh";
        try (InputStream in = BuyerTemplatesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> all(Pattern pattern, String source) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
