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
 * The buyer's return mails (refusal, label, reminder, outcome) exist in every team language, render
 * every branch with complete and with minimal models, and keep the cases, conditions, variables and
 * markup of the English original.
 */
class ReturnTemplatesTest {

    private static final String RETURN_KEY = "RT-2026-000042";
    private static final String ORDER_ID = "302-1234567-7654321";
    private static final String STORE = "Helloword Amazon DE";
    private static final String LABEL_URL = "https://returns.example/labels/RT-2026-000042.pdf?sig=a1b2&exp=1767225600";
    private static final String TRACKING = "00340434161094042557";
    private static final String CARRIER = "DHL";
    private static final String LAST_DAY = "2026-03-14";
    private static final int WINDOW_DAYS = 30;
    private static final String AMOUNT = "37.90";
    private static final String CURRENCY = "EUR";
    private static final String EXCHANGE_ORDER_ID = "302-7654321-1234567";
    private static final List<String> TEMPLATES = List.of("return-refused", "return-label", "return-reminder",
            "return-outcome");
    /** The last one is no case of the template: it takes the default branch. */
    private static final List<String> REFUSALS = List.of("WINDOW_PASSED", "NON_RETURNABLE", "DAMAGED_BY_BUYER");
    private static final List<String> OUTCOMES = List.of("REFUND", "PARTIAL_REFUND", "EXCHANGE", "REJECTED",
            "NOT_RETURNED", "CLOSED_BY_AGENT");
    private static final Set<String> OUTCOMES_WITH_AMOUNT = Set.of("REFUND", "PARTIAL_REFUND");
    private static final Pattern CASE = Pattern.compile("<#case\\s+\"([^\"]+)\"\\s*>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONDITION = Pattern.compile("<#(?:if|elseif)\\s+([^>]+?)\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("<(/?[a-z][a-z0-9]*)[\\s>]");
    private static final String NULL = "\\bnull\\b";

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static Map<String, Object> fullModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("returnKey", RETURN_KEY);
        model.put("orderId", ORDER_ID);
        model.put("storeName", STORE);
        model.put("recipientName", "Kim");
        model.put("reason", "Too small");
        model.put("wanted", "REFUND");
        model.put("refusalReason", "WINDOW_PASSED");
        model.put("windowDays", WINDOW_DAYS);
        model.put("lastDay", LAST_DAY);
        model.put("tracking", TRACKING);
        model.put("carrier", CARRIER);
        model.put("labelUrl", LABEL_URL);
        model.put("postagePaidBy", "SELLER");
        model.put("freePickup", false);
        model.put("outcome", "REFUND");
        model.put("amount", AMOUNT);
        model.put("currency", CURRENCY);
        model.put("exchangeOrderId", EXCHANGE_ORDER_ID);
        return model;
    }

    private static Map<String, Object> minimalModel(Map<String, Object> branch) {
        Map<String, Object> model = new HashMap<>(branch);
        model.put("returnKey", RETURN_KEY);
        model.put("orderId", ORDER_ID);
        return model;
    }

    private static Map<String, Object> minimalLabelModel(String wanted, String postagePaidBy, boolean freePickup) {
        return minimalModel(Map.of("labelUrl", LABEL_URL, "tracking", TRACKING, "carrier", CARRIER, "wanted",
                wanted, "postagePaidBy", postagePaidBy, "freePickup", freePickup));
    }

    private RenderedMail render(String template, String language, Map<String, Object> model, String as) {
        RenderedMail mail = templates.render(template, language, model);

        assertThat(mail.language()).as(as + " language").isEqualTo(language);
        assertThat(mail.subject()).as(as + " subject").contains(RETURN_KEY, ORDER_ID).doesNotContain("<")
                .doesNotContainPattern(NULL);
        assertThat(mail.html()).as(as + " html").contains("<html lang=\"" + language + "\"")
                .doesNotContainPattern(NULL).doesNotContain("${");
        assertThat(mail.text()).as(as + " text").doesNotContainPattern(NULL);
        return mail;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theRefusalGivesEachReasonInTheBuyersLanguage(String language) {
        Set<String> bodies = new HashSet<>();
        Set<String> minimalBodies = new HashSet<>();
        for (String reason : REFUSALS) {
            Map<String, Object> model = fullModel();
            model.put("refusalReason", reason);
            RenderedMail mail = render("return-refused", language, model, "return-refused/" + reason);

            assertThat(mail.html()).as(reason).contains("<strong>" + RETURN_KEY + "</strong>", ORDER_ID, STORE);
            if (reason.equals("WINDOW_PASSED")) {
                assertThat(mail.html()).as(reason).contains(LAST_DAY, String.valueOf(WINDOW_DAYS));
                assertThat(mail.text()).as(reason).contains(LAST_DAY);
            } else {
                assertThat(mail.html()).as(reason).doesNotContain(LAST_DAY);
            }
            bodies.add(mail.html());

            RenderedMail minimal = render("return-refused", language,
                    minimalModel(Map.of("refusalReason", reason)), "minimal return-refused/" + reason);
            assertThat(minimal.html()).as(reason).contains(RETURN_KEY).doesNotContain(LAST_DAY, STORE);
            minimalBodies.add(minimal.html());
        }
        assertThat(bodies).as("one text per refusal reason").hasSize(REFUSALS.size());
        assertThat(minimalBodies).as("one minimal text per refusal reason").hasSize(REFUSALS.size());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theLabelMailLinksTheLabelInEveryVariant(String language) {
        Set<String> bodies = new HashSet<>();
        Set<String> minimalBodies = new HashSet<>();
        for (String wanted : List.of("REFUND", "EXCHANGE")) {
            for (String paidBy : List.of("SELLER", "BUYER")) {
                for (boolean freePickup : List.of(true, false)) {
                    String as = "return-label/" + wanted + "/" + paidBy + "/" + (freePickup ? "pickup" : "drop-off");
                    Map<String, Object> model = fullModel();
                    model.put("wanted", wanted);
                    model.put("postagePaidBy", paidBy);
                    model.put("freePickup", freePickup);
                    RenderedMail mail = render("return-label", language, model, as);

                    assertThat(mail.html()).as(as).contains("href=\"" + LABEL_URL.replace("&", "&amp;") + "\"",
                            "<strong>" + TRACKING + "</strong>", CARRIER, ORDER_ID, STORE);
                    assertThat(mail.text()).as(as).contains(LABEL_URL, TRACKING);
                    if (freePickup) {
                        assertThat(mail.html()).as(as).doesNotContain(LAST_DAY);
                    } else {
                        assertThat(mail.html()).as(as).contains(LAST_DAY);
                    }
                    bodies.add(mail.html());

                    RenderedMail minimal = render("return-label", language,
                            minimalLabelModel(wanted, paidBy, freePickup), "minimal " + as);
                    assertThat(minimal.html()).as(as).contains("href=\"" + LABEL_URL.replace("&", "&amp;") + "\"",
                            TRACKING, CARRIER).doesNotContain(LAST_DAY, STORE);
                    minimalBodies.add(minimal.html());
                }
            }
        }
        assertThat(bodies).as("one text per variant").hasSize(8);
        assertThat(minimalBodies).as("one minimal text per variant").hasSize(8);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theReminderGivesTheTrackingNumber(String language) {
        RenderedMail mail = render("return-reminder", language, fullModel(), "return-reminder");
        assertThat(mail.html()).contains("<strong>" + TRACKING + "</strong>", ORDER_ID, STORE);
        assertThat(mail.text()).contains(TRACKING);

        RenderedMail minimal = render("return-reminder", language,
                minimalModel(Map.of("tracking", TRACKING)), "minimal return-reminder");
        assertThat(minimal.html()).contains(TRACKING, ORDER_ID).doesNotContain(STORE);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theOutcomeTellsEachResultInTheBuyersLanguage(String language) {
        Set<String> bodies = new HashSet<>();
        Set<String> minimalBodies = new HashSet<>();
        for (String outcome : OUTCOMES) {
            Map<String, Object> model = fullModel();
            model.put("outcome", outcome);
            RenderedMail mail = render("return-outcome", language, model, "return-outcome/" + outcome);

            assertThat(mail.html()).as(outcome).contains(STORE);
            if (OUTCOMES_WITH_AMOUNT.contains(outcome)) {
                assertThat(mail.html()).as(outcome).contains(AMOUNT, CURRENCY);
                assertThat(mail.text()).as(outcome).contains(AMOUNT);
            } else {
                assertThat(mail.html()).as(outcome).doesNotContain(AMOUNT);
            }
            if (outcome.equals("EXCHANGE")) {
                assertThat(mail.html()).as(outcome).contains(EXCHANGE_ORDER_ID);
            } else {
                assertThat(mail.html()).as(outcome).doesNotContain(EXCHANGE_ORDER_ID);
            }
            bodies.add(mail.html());

            RenderedMail minimal = render("return-outcome", language, minimalModel(Map.of("outcome", outcome)),
                    "minimal return-outcome/" + outcome);
            assertThat(minimal.html()).as(outcome).doesNotContain(AMOUNT, EXCHANGE_ORDER_ID, STORE);
            minimalBodies.add(minimal.html());
        }
        assertThat(bodies).as("one text per outcome").hasSize(OUTCOMES.size());
        assertThat(minimalBodies).as("one minimal text per outcome").hasSize(OUTCOMES.size());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anAmountWithoutCurrencyPrintsNoNull(String language) {
        for (String outcome : OUTCOMES_WITH_AMOUNT) {
            RenderedMail mail = render("return-outcome", language,
                    minimalModel(Map.of("outcome", outcome, "amount", AMOUNT)), "return-outcome/" + outcome);
            assertThat(mail.html()).as(outcome).contains(AMOUNT);
        }
    }

    @Test
    void everyLanguageSpeaksItsOwnWords() {
        for (String template : TEMPLATES) {
            Set<String> subjects = new HashSet<>();
            Set<String> texts = new HashSet<>();
            for (String language : languages()) {
                RenderedMail mail = templates.render(template, language, fullModel());
                subjects.add(mail.subject());
                texts.add(mail.text());
            }
            assertThat(subjects).as(template + " subjects").hasSameSizeAs(languages());
            assertThat(texts).as(template + " texts").hasSameSizeAs(languages());
        }
    }

    @Test
    void arabicIsRightToLeft() {
        for (String template : TEMPLATES) {
            assertThat(templates.render(template, "ar", fullModel()).html()).as(template).contains("dir=\"rtl\"");
            assertThat(templates.render(template, "fr", fullModel()).html()).as(template).contains("dir=\"ltr\"");
        }
    }

    /** A case, condition or variable added to the English template but not to a translation fails here. */
    @ParameterizedTest
    @MethodSource("languages")
    void everyTranslationHasTheSameCasesConditionsVariablesAndMarkupAsEnglish(String language) throws IOException {
        for (String template : TEMPLATES) {
            String english = source(template, "en");
            String translation = source(template, language);
            String as = template + "/" + language;

            assertThat(all(CASE, translation)).as(as + " cases").isEqualTo(all(CASE, english));
            assertThat(all(CONDITION, translation)).as(as + " conditions").isEqualTo(all(CONDITION, english));
            assertThat(all(VARIABLE, translation)).as(as + " variables").isEqualTo(all(VARIABLE, english));
            assertThat(translation.contains("<#default>")).as(as + " default")
                    .isEqualTo(english.contains("<#default>"));
            assertThat(tags(translation)).as(as + " markup").isEqualTo(tags(english));
        }
        assertThat(all(CASE, source("return-refused", "en"))).containsExactlyInAnyOrderElementsOf(
                REFUSALS.subList(0, REFUSALS.size() - 1));
        assertThat(all(CASE, source("return-outcome", "en"))).containsExactlyInAnyOrderElementsOf(
                OUTCOMES.subList(0, OUTCOMES.size() - 1));
    }

    private static String source(String template, String language) throws IOException {
        String path = "/templates/mail/" + template + "/" + language + ".ftlh";
        try (InputStream in = ReturnTemplatesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> all(Pattern pattern, String source) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1).replaceAll("\\s+", " "));
        }
        return found;
    }

    /** The HTML elements, counted; their order may differ where a language orders a sentence differently. */
    private static List<String> tags(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HTML_TAG.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        found.sort(null);
        return found;
    }
}
