package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static com.helloword.aftersales.notification.TemplateSources.all;
import static com.helloword.aftersales.notification.TemplateSources.source;
import static com.helloword.aftersales.notification.TemplateSources.tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The batch shipment incident's mails (the apology with three options, its reminder, the word that the remedy is
 * done) and the buyer's option page exist in every team language, render with a subject, carry the three option
 * links, the order and the tracking link, say every remedy and every page state, and keep the assignments, map
 * keys, conditions, variables and markup of the English original.
 */
class IncidentTemplatesTest {

    private static final String INCIDENT_KEY = "INC-4711";
    private static final String ORDER_ID = "302-1111111-0000001";
    private static final String STORE = "Helloword Amazon DE";
    private static final String NOTE = "Customs in Basel check every parcel this week.";
    private static final String TRACKING_URL = "https://track.example/parcel?n=00340434161094042557&lang=de";
    private static final String COUPON_CODE = "HW-7Q2K-9XPL";
    private static final String TOKEN = "1796724000.sIgN";
    private static final String ACTION = "/buyer/incidents/77/options/3";
    private static final List<String> MAILS = List.of("incident-notice", "incident-reminder");
    private static final String DONE = "incident-remedy-done";
    private static final String PAGE = "incident";
    private static final List<String> REMEDIES = List.of("COUPON", "RESHIP_EXPRESS", "REFUND", "PARTIAL_REFUND");
    private static final List<String> CAUSES = List.of("CUSTOMS_HOLD", "CARRIER_DELAY", "WEATHER", "LOST_IN_TRANSIT",
            "DAMAGED_IN_TRANSIT", "STRIKE_AT_HUB");
    private static final List<String> STATES = List.of("CONFIRM", "CHOSEN", "ALREADY_CHOSEN", "CLOSED", "EXPIRED",
            "INVALID", "TOO_MANY");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONDITION = Pattern.compile("<#(?:if|elseif)\\s+([^>]+?)\\s*>");
    private static final Pattern CASE = Pattern.compile("<#case\\s+\"([^\"]+)\"\\s*>");
    /** Every directive and macro call, in order; quoted text (the translated words) masked. */
    private static final Pattern DIRECTIVE = Pattern.compile("<(/?)([#@])([A-Za-z_][\\w.]*)([^>]*)>");
    private static final Pattern MAP_ASSIGN = Pattern.compile("<#assign\\s+(\\w+)\\s*=\\s*\\{(.*?)}\\s*>",
            Pattern.DOTALL);
    private static final Pattern MAP_ENTRY = Pattern.compile("\"([^\"]*)\"\\s*:\\s*\"([^\"]*)\"");
    private static final String NULL = "\\bnull\\b";

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static String optionUrl(int no) {
        return "https://shop.example/buyer/incidents/77/options/" + no + "?t=" + TOKEN + no + "&lang=de";
    }

    private static Map<String, Object> option(int no, String remedy, String amount, Integer percent) {
        Map<String, Object> option = new HashMap<>();
        option.put("no", no);
        option.put("remedy", remedy);
        if (amount != null) {
            option.put("amount", amount);
            option.put("currency", "EUR");
        }
        if (percent != null) {
            option.put("percent", percent);
        }
        option.put("url", optionUrl(no));
        return option;
    }

    private static Map<String, Object> mailModel(String cause) {
        Map<String, Object> model = new HashMap<>();
        model.put("incidentKey", INCIDENT_KEY);
        model.put("cause", cause);
        model.put("note", NOTE);
        model.put("orderId", ORDER_ID);
        model.put("storeName", STORE);
        model.put("carrier", "DHL");
        model.put("trackingNumber", "00340434161094042557");
        model.put("trackingUrl", TRACKING_URL);
        model.put("options", List.of(option(1, "COUPON", "5.00", null), option(2, "RESHIP_EXPRESS", null, null),
                option(3, "PARTIAL_REFUND", "2.50", 10)));
        model.put("choiceEndsAt", "2026-12-08T10:00:00Z");
        model.put("choiceEnds", "2026-12-08 10:00 UTC");
        model.put("recipientName", "Kim");
        return model;
    }

    /** What the queueing leaves out at worst: no recipient name, no note of the manager, no tracking. */
    private static Map<String, Object> minimalMailModel() {
        Map<String, Object> model = mailModel("CARRIER_DELAY");
        model.remove("recipientName");
        model.remove("note");
        model.remove("carrier");
        model.remove("trackingNumber");
        model.remove("trackingUrl");
        model.put("options", List.of(option(1, "REFUND", null, null), option(2, "RESHIP_EXPRESS", null, null),
                option(3, "COUPON", "5.00", null)));
        return model;
    }

    private static Map<String, Object> doneModel(String remedy, String chosenBy) {
        Map<String, Object> model = new HashMap<>();
        model.put("incidentKey", INCIDENT_KEY);
        model.put("cause", "LOST_IN_TRANSIT");
        model.put("note", NOTE);
        model.put("orderId", ORDER_ID);
        model.put("storeName", STORE);
        model.put("remedy", remedy);
        model.put("chosenBy", chosenBy);
        switch (remedy) {
            case "COUPON" -> {
                model.put("amount", "5.00");
                model.put("currency", "EUR");
                model.put("couponCode", COUPON_CODE);
            }
            case "PARTIAL_REFUND" -> {
                model.put("amount", "2.50");
                model.put("currency", "EUR");
            }
            case "REFUND" -> {
                model.put("amount", "39.90");
                model.put("currency", "EUR");
            }
            default -> {
            }
        }
        return model;
    }

    private static Map<String, Object> pageModel(String state, String remedy) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("buyerLanguage", "de");
        model.put("incidentKey", INCIDENT_KEY);
        model.put("cause", "WEATHER");
        model.put("orderId", ORDER_ID);
        model.put("storeName", STORE);
        model.put("remedy", remedy);
        if (remedy.equals("COUPON")) {
            model.put("amount", "5.00");
            model.put("currency", "EUR");
        } else if (remedy.equals("PARTIAL_REFUND")) {
            model.put("amount", "2.50");
            model.put("currency", "EUR");
            model.put("percent", 10);
        }
        model.put("token", TOKEN);
        model.put("action", ACTION);
        return model;
    }

    /** As the page controller renders it for each state: refusals carry the state alone. */
    private static Map<String, Object> pageModelOf(String state) {
        return switch (state) {
            case "EXPIRED", "INVALID", "TOO_MANY" -> Map.of("state", state);
            case "CHOSEN" -> {
                Map<String, Object> model = pageModel(state, "PARTIAL_REFUND");
                model.put("chosenRemedy", "PARTIAL_REFUND");
                yield model;
            }
            case "ALREADY_CHOSEN" -> {
                Map<String, Object> model = pageModel(state, "PARTIAL_REFUND");
                model.put("chosenRemedy", "COUPON");
                yield model;
            }
            default -> pageModel(state, "PARTIAL_REFUND");
        };
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theNoticeAndTheReminderCarryTheOptionsTheOrderAndTheTracking(String language) {
        for (String template : MAILS) {
            String as = template + "/" + language;
            RenderedMail mail = templates.render(template, language, mailModel("CUSTOMS_HOLD"));

            assertThat(mail.language()).as(as).isEqualTo(language);
            assertThat(mail.subject()).as(as + " subject").isNotBlank().contains(ORDER_ID).doesNotContain("<", "${")
                    .doesNotContainPattern(NULL);
            assertThat(mail.html()).as(as).contains("<html lang=\"" + language + "\"", "<strong>" + ORDER_ID,
                    "href=\"" + optionUrl(1).replace("&", "&amp;") + "\"",
                    "href=\"" + optionUrl(2).replace("&", "&amp;") + "\"",
                    "href=\"" + optionUrl(3).replace("&", "&amp;") + "\"",
                    "href=\"" + TRACKING_URL.replace("&", "&amp;") + "\"", "5.00 EUR", "2.50 EUR", STORE,
                    INCIDENT_KEY, "2026-12-08 10:00 UTC").doesNotContain("${", "{amount}", "COUPON", "RESHIP_EXPRESS",
                    "REFUND", "CUSTOMS_HOLD").doesNotContainPattern(NULL);
            assertThat(mail.text()).as(as + " text").contains(optionUrl(1), optionUrl(2), optionUrl(3), TRACKING_URL,
                    ORDER_ID);

            RenderedMail minimal = templates.render(template, language, minimalMailModel());
            assertThat(minimal.subject()).as("minimal " + as).isNotBlank().contains(ORDER_ID);
            assertThat(minimal.html()).as("minimal " + as).contains(ORDER_ID,
                    "href=\"" + optionUrl(1).replace("&", "&amp;") + "\"",
                    "href=\"" + optionUrl(3).replace("&", "&amp;") + "\"", "5.00 EUR")
                    .doesNotContain("${", "{amount}", "track.example", NOTE, "REFUND", "COUPON")
                    .doesNotContainPattern(NULL);
        }
        assertThat(templates.render("incident-notice", language, mailModel("CUSTOMS_HOLD")).html())
                .as("the notice carries the manager's note").contains(NOTE);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theNoticeSaysEveryCauseInItsOwnWords(String language) {
        Set<String> bodies = new HashSet<>();
        for (String cause : CAUSES) {
            String html = templates.render("incident-notice", language, mailModel(cause)).html();
            assertThat(html).as(language + " " + cause).doesNotContain(cause).doesNotContainPattern(NULL);
            bodies.add(html);
        }
        assertThat(bodies).as(language + " one text per cause, an unknown one included").hasSize(CAUSES.size());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theDoneMailSaysEveryRemedyAndWhoChoseIt(String language) {
        Set<String> bodies = new HashSet<>();
        for (String remedy : REMEDIES) {
            RenderedMail mail = templates.render(DONE, language, doneModel(remedy, "BUYER"));
            String as = DONE + "/" + language + " " + remedy;
            assertThat(mail.language()).as(as).isEqualTo(language);
            assertThat(mail.subject()).as(as + " subject").isNotBlank().contains(ORDER_ID).doesNotContain("<", "${")
                    .doesNotContainPattern(NULL);
            assertThat(mail.html()).as(as).contains("<html lang=\"" + language + "\"", "<strong>" + ORDER_ID, STORE,
                    INCIDENT_KEY).doesNotContain("${", "COUPON", "RESHIP_EXPRESS", "REFUND", "BUYER")
                    .doesNotContainPattern(NULL);
            bodies.add(mail.html());
        }
        assertThat(templates.render(DONE, language, doneModel("COUPON", "BUYER")).html())
                .as(language + " the coupon's code and worth").contains("<strong>" + COUPON_CODE + "</strong>",
                        "5.00 EUR");
        assertThat(templates.render(DONE, language, doneModel("PARTIAL_REFUND", "BUYER")).html())
                .as(language + " the partial refund's amount").contains("2.50 EUR");

        Map<String, Object> byHand = doneModel("COUPON", "BUYER");
        byHand.remove("couponCode");
        byHand.put("byHand", Boolean.TRUE);
        String byHandHtml = templates.render(DONE, language, byHand).html();
        assertThat(byHandHtml).as(language + " by hand").contains(ORDER_ID).doesNotContain("${", "COUPON")
                .doesNotContainPattern(NULL);
        bodies.add(byHandHtml);
        assertThat(bodies).as(language + " one text per remedy, and by hand").hasSize(REMEDIES.size() + 1);

        for (String remedy : REMEDIES) {
            String buyer = templates.render(DONE, language, doneModel(remedy, "BUYER")).html();
            String byDefault = templates.render(DONE, language, doneModel(remedy, "DEFAULT")).html();
            assertThat(byDefault).as(language + " " + remedy + " chosen by default").isNotEqualTo(buyer)
                    .doesNotContain("DEFAULT").doesNotContainPattern(NULL);
        }

        Map<String, Object> minimal = doneModel("REFUND", "DEFAULT");
        minimal.remove("note");
        minimal.remove("amount");
        minimal.remove("currency");
        RenderedMail bare = templates.render(DONE, language, minimal);
        assertThat(bare.subject()).as("minimal " + language).isNotBlank();
        assertThat(bare.html()).as("minimal " + language).contains(ORDER_ID).doesNotContain("${", "REFUND")
                .doesNotContainPattern(NULL);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void thePageRendersEveryStateInTheBuyersLanguage(String language) {
        RenderedMail confirm = templates.renderPage(PAGE, language, pageModelOf("CONFIRM"));
        assertThat(confirm.language()).as(language).isEqualTo(language);
        assertThat(confirm.subject()).as(language).isNotBlank().doesNotContainPattern(NULL);
        assertThat(confirm.html()).as(language + " CONFIRM").contains("<html lang=\"" + language + "\"",
                "<form method=\"post\" action=\"" + ACTION + "\">", "name=\"t\" value=\"" + TOKEN + "\"",
                "name=\"lang\" value=\"" + language + "\"", "<button type=\"submit\">", ORDER_ID, STORE, "2.50 EUR")
                .doesNotContain("${", "{amount}", "PARTIAL_REFUND").doesNotContainPattern(NULL);

        Set<String> states = new HashSet<>();
        for (String state : STATES) {
            RenderedMail page = templates.renderPage(PAGE, language, pageModelOf(state));
            String as = language + " " + state;
            assertThat(page.subject()).as(as).isNotBlank();
            assertThat(page.html()).as(as).contains("<html lang=\"" + language + "\"").doesNotContain("${",
                    "{amount}", "REFUND", "COUPON").doesNotContainPattern(NULL);
            if (!state.equals("CONFIRM")) {
                assertThat(page.html()).as(as).doesNotContain("<form");
            }
            if (List.of("CONFIRM", "CHOSEN", "ALREADY_CHOSEN", "CLOSED").contains(state)) {
                assertThat(page.html()).as(as).contains(ORDER_ID);
            }
            states.add(page.html());
        }
        assertThat(states).as(language + " one text per state").hasSize(STATES.size());
        assertThat(templates.renderPage(PAGE, language, pageModelOf("CHOSEN")).html()).as(language + " CHOSEN")
                .contains("2.50 EUR");

        Set<String> words = new HashSet<>();
        for (String remedy : REMEDIES) {
            String html = templates.renderPage(PAGE, language, pageModel("CONFIRM", remedy)).html();
            assertThat(html).as(language + " CONFIRM " + remedy).doesNotContain(remedy, "{amount}")
                    .doesNotContainPattern(NULL);
            words.add(html);
        }
        assertThat(words).as(language + " one text per remedy").hasSize(REMEDIES.size());
        assertThat(templates.renderPage(PAGE, language, pageModel("CONFIRM", "COUPON")).html())
                .as(language + " the coupon's worth").contains("5.00 EUR");
    }

    @Test
    void everyLanguageSpeaksItsOwnWords() {
        for (String template : MAILS) {
            Set<String> subjects = new HashSet<>();
            Set<String> texts = new HashSet<>();
            for (String language : languages()) {
                RenderedMail mail = templates.render(template, language, mailModel("WEATHER"));
                subjects.add(mail.subject());
                texts.add(mail.text());
            }
            assertThat(subjects).as(template + " subjects").hasSameSizeAs(languages());
            assertThat(texts).as(template + " texts").hasSameSizeAs(languages());
        }
        Set<String> subjects = new HashSet<>();
        Set<String> texts = new HashSet<>();
        Set<String> pages = new HashSet<>();
        for (String language : languages()) {
            RenderedMail done = templates.render(DONE, language, doneModel("REFUND", "DEFAULT"));
            subjects.add(done.subject());
            texts.add(done.text());
            pages.add(templates.renderPage(PAGE, language, Map.of("state", "INVALID")).text());
        }
        assertThat(subjects).as(DONE + " subjects").hasSameSizeAs(languages());
        assertThat(texts).as(DONE + " texts").hasSameSizeAs(languages());
        assertThat(pages).as("incident page texts").hasSameSizeAs(languages());
    }

    @Test
    void arabicIsRightToLeft() {
        for (String template : MAILS) {
            assertThat(templates.render(template, "ar", mailModel("WEATHER")).html()).as(template)
                    .contains("dir=\"rtl\"");
        }
        assertThat(templates.render(DONE, "ar", doneModel("REFUND", "BUYER")).html()).contains("dir=\"rtl\"");
        assertThat(templates.renderPage(PAGE, "ar", Map.of("state", "INVALID")).html()).contains("dir=\"rtl\"");
    }

    /** A condition, variable, element, assignment or map key added to the English template but not to a translation fails here. */
    @ParameterizedTest
    @MethodSource("languages")
    void everyTranslationHasTheSameStructureAsEnglish(String language) throws IOException {
        List<String> sources = new ArrayList<>();
        MAILS.forEach(t -> sources.add("mail/" + t));
        sources.add("mail/" + DONE);
        sources.add("pages/" + PAGE);
        for (String template : sources) {
            String english = source(template, "en");
            String translation = source(template, language);
            String as = template + "/" + language;

            assertThat(all(CASE, translation)).as(as + " cases").isEqualTo(all(CASE, english));
            assertThat(all(CONDITION, translation)).as(as + " conditions").isEqualTo(all(CONDITION, english));
            assertThat(all(VARIABLE, translation)).as(as + " variables").isEqualTo(all(VARIABLE, english));
            assertThat(tags(translation)).as(as + " markup").isEqualTo(tags(english));
            assertThat(directives(translation)).as(as + " directives in order").isEqualTo(directives(english));

            Map<String, Map<String, String>> englishMaps = maps(english);
            Map<String, Map<String, String>> translatedMaps = maps(translation);
            assertThat(translatedMaps.keySet()).as(as + " map assignments").isEqualTo(englishMaps.keySet());
            englishMaps.forEach((name, entries) -> {
                Map<String, String> translated = translatedMaps.get(name);
                assertThat(new ArrayList<>(translated.keySet())).as(as + " " + name + " keys")
                        .isEqualTo(new ArrayList<>(entries.keySet()));
                entries.forEach((key, words) -> assertThat(translated.get(key).contains("{amount}"))
                        .as(as + " " + name + "." + key + " keeps {amount} as English does")
                        .isEqualTo(words.contains("{amount}")));
            });
        }
    }

    private static List<String> directives(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = DIRECTIVE.matcher(source);
        while (matcher.find()) {
            String rest = matcher.group(4).replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\s+", " ").strip();
            found.add(matcher.group(1) + matcher.group(2) + matcher.group(3) + (rest.isEmpty() ? "" : " " + rest));
        }
        return found;
    }

    private static Map<String, Map<String, String>> maps(String source) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        Matcher assign = MAP_ASSIGN.matcher(source);
        while (assign.find()) {
            Map<String, String> entries = new LinkedHashMap<>();
            Matcher entry = MAP_ENTRY.matcher(assign.group(2));
            while (entry.find()) {
                entries.put(entry.group(1), entry.group(2));
            }
            found.put(assign.group(1), entries);
        }
        return found;
    }
}
