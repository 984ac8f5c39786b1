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
 * The recall mails (the notice, its GPSR form for EU markets, the reminder) and the buyer's recall page exist in
 * every team language, render with a subject, list every affected order, offer exactly the plan's remedies,
 * carry the page link, and keep the conditions, variables and markup of the English original.
 */
class RecallTemplatesTest {

    private static final String RECALL_KEY = "RC-000042";
    private static final String SKU = "KETTLE-2L";
    private static final String PRODUCT = "Electric kettle 2 l";
    private static final String HAZARD = "The lid can open while boiling: risk of scalding.";
    private static final String PAGE_URL = "https://shop.example/buyer/recalls/4711?t=1767225600.sIgN&lang=de";
    private static final List<String> MAILS = List.of("recall-notice", "recall-notice-gpsr", "recall-reminder");
    private static final List<String> PROBLEMS = List.of("REMEDY_MISSING", "REMEDY_NOT_OFFERED", "ALREADY_CHOSEN",
            "RECALL_CLOSED");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONDITION = Pattern.compile("<#(?:if|elseif)\\s+([^>]+?)\\s*>");
    private static final Pattern CASE = Pattern.compile("<#case\\s+\"([^\"]+)\"\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("<(/?[a-z][a-z0-9]*)[\\s>]");
    private static final String NULL = "\\bnull\\b";

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static List<Map<String, Object>> orders() {
        return List.of(Map.of("orderId", "302-1111111-0000001", "storeName", "Helloword Amazon DE", "title", PRODUCT,
                "batches", List.of("B1"), "units", 2), Map.of("orderId", "#1042", "storeName", "Helloword Shop",
                "title", PRODUCT, "batches", List.of("B1", "B3"), "units", 1));
    }

    private static Map<String, Object> mailModel(List<String> remedies) {
        Map<String, Object> model = new HashMap<>();
        model.put("recallKey", RECALL_KEY);
        model.put("sku", SKU);
        model.put("product", PRODUCT);
        model.put("hazard", HAZARD);
        model.put("orders", orders());
        model.put("units", 3);
        model.put("remedies", remedies);
        model.put("pageUrl", PAGE_URL);
        model.put("storeName", "Helloword Amazon DE");
        model.put("recipientName", "Kim");
        model.put("round", 2);
        return model;
    }

    /** What the queueing leaves out at worst: no store, no hazard text, no recipient name. */
    private static Map<String, Object> minimalMailModel() {
        Map<String, Object> model = mailModel(List.of("REFUND"));
        model.remove("storeName");
        model.remove("recipientName");
        model.put("hazard", "");
        return model;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyRecallMailRendersWithSubjectOrdersRemediesAndThePageLink(String language) {
        for (String template : MAILS) {
            Set<String> bodies = new HashSet<>();
            for (List<String> remedies : List.of(List.of("REFUND", "REPLACEMENT"), List.of("REPAIR"))) {
                RenderedMail mail = templates.render(template, language, mailModel(remedies));
                String as = template + "/" + language + " " + remedies;

                assertThat(mail.language()).as(as).isEqualTo(language);
                assertThat(mail.subject()).as(as + " subject").contains(RECALL_KEY, PRODUCT).doesNotContain("<")
                        .doesNotContainPattern(NULL);
                assertThat(mail.html()).as(as).contains("<html lang=\"" + language + "\"",
                        "href=\"" + PAGE_URL.replace("&", "&amp;") + "\"", "302-1111111-0000001", "#1042",
                        "B1, B3", HAZARD, SKU).doesNotContainPattern(NULL).doesNotContain("${", "REFUND", "REPAIR",
                        "REPLACEMENT");
                assertThat(mail.text()).as(as).contains(PAGE_URL, "302-1111111-0000001", "#1042");
                bodies.add(mail.html());

                RenderedMail minimal = templates.render(template, language, minimalMailModel());
                assertThat(minimal.subject()).as("minimal " + as).contains(RECALL_KEY);
                assertThat(minimal.html()).as("minimal " + as).contains("#1042").doesNotContainPattern(NULL)
                        .doesNotContain(HAZARD, "REFUND");
            }
            assertThat(bodies).as(template + " one text per remedy set").hasSize(2);
        }
        assertThat(templates.render("recall-notice-gpsr", language, mailModel(List.of("REFUND"))).html())
                .as("the GPSR notice carries its headline").contains("<h1 style=\"color:#b00020;\">");
        assertThat(templates.render("recall-reminder", language, mailModel(List.of("REFUND"))).subject())
                .as("the reminder says its round").contains("2");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theRecallPageRendersEveryStateInTheBuyersLanguage(String language) {
        Map<String, Object> open = pageModel();
        open.put("remedies", List.of("REFUND", "REPLACEMENT"));
        RenderedMail form = templates.renderPage("recall", language, open);
        assertThat(form.subject()).as(language).isNotBlank();
        assertThat(form.html()).as(language).contains("<html lang=\"" + language + "\"",
                "action=\"/buyer/recalls/4711/remedy\"", "name=\"t\" value=\"tok.3n\"", "value=\"REFUND\"",
                "value=\"REPLACEMENT\"", "#1042", HAZARD).doesNotContain("value=\"REPAIR\"").doesNotContainPattern(NULL);

        Map<String, Object> chosen = pageModel();
        chosen.put("remedy", "REPLACEMENT");
        chosen.put("chosenNow", true);
        chosen.put("labelTracking", "00340434161094042557");
        chosen.put("labelCarrier", "DHL");
        chosen.put("received", 1);
        chosen.put("disposed", 1);
        RenderedMail status = templates.renderPage("recall", language, chosen);
        assertThat(status.html()).as(language).contains("00340434161094042557").doesNotContain("<form", "REPLACEMENT")
                .doesNotContainPattern(NULL);

        Set<String> problems = new HashSet<>();
        for (String problem : PROBLEMS) {
            Map<String, Object> model = pageModel();
            model.put("problem", problem);
            model.put("remedies", List.of("REFUND"));
            problems.add(templates.renderPage("recall", language, model).html());
        }
        assertThat(problems).as(language + " one text per problem").hasSize(PROBLEMS.size());

        Set<String> refusals = new HashSet<>();
        for (String state : List.of("INVALID", "TOO_MANY")) {
            RenderedMail refused = templates.renderPage("recall", language, Map.of("state", state));
            assertThat(refused.html()).as(language + " " + state).doesNotContain("<form").doesNotContainPattern(NULL);
            refusals.add(refused.html());
        }
        assertThat(refusals).hasSize(2);
    }

    private static Map<String, Object> pageModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("state", "STATUS");
        model.put("noticeId", 4711L);
        model.put("recallKey", RECALL_KEY);
        model.put("sku", SKU);
        model.put("product", PRODUCT);
        model.put("hazard", HAZARD);
        model.put("orders", orders());
        model.put("units", 3);
        model.put("received", 0);
        model.put("disposed", 0);
        model.put("closed", false);
        model.put("remedyDone", false);
        model.put("token", "tok.3n");
        model.put("action", "/buyer/recalls/4711/remedy");
        return model;
    }

    @Test
    void everyLanguageSpeaksItsOwnWords() {
        for (String template : MAILS) {
            Set<String> subjects = new HashSet<>();
            Set<String> texts = new HashSet<>();
            for (String language : languages()) {
                RenderedMail mail = templates.render(template, language, mailModel(List.of("REFUND")));
                subjects.add(mail.subject());
                texts.add(mail.text());
            }
            assertThat(subjects).as(template + " subjects").hasSameSizeAs(languages());
            assertThat(texts).as(template + " texts").hasSameSizeAs(languages());
        }
        Set<String> pages = new HashSet<>();
        for (String language : languages()) {
            pages.add(templates.renderPage("recall", language, Map.of("state", "INVALID")).text());
        }
        assertThat(pages).as("recall page texts").hasSameSizeAs(languages());
    }

    @Test
    void arabicIsRightToLeft() {
        for (String template : MAILS) {
            assertThat(templates.render(template, "ar", mailModel(List.of("REFUND"))).html()).as(template)
                    .contains("dir=\"rtl\"");
        }
        assertThat(templates.renderPage("recall", "ar", Map.of("state", "INVALID")).html()).contains("dir=\"rtl\"");
    }

    /** A condition, variable or element added to the English template but not to a translation fails here. */
    @ParameterizedTest
    @MethodSource("languages")
    void everyTranslationHasTheSameConditionsVariablesAndMarkupAsEnglish(String language) throws IOException {
        List<String> sources = new ArrayList<>();
        MAILS.forEach(t -> sources.add("mail/" + t));
        sources.add("pages/recall");
        for (String template : sources) {
            String english = source(template, "en");
            String translation = source(template, language);
            String as = template + "/" + language;

            assertThat(all(CASE, translation)).as(as + " cases").isEqualTo(all(CASE, english));
            assertThat(all(CONDITION, translation)).as(as + " conditions").isEqualTo(all(CONDITION, english));
            assertThat(all(VARIABLE, translation)).as(as + " variables").isEqualTo(all(VARIABLE, english));
            assertThat(tags(translation)).as(as + " markup").isEqualTo(tags(english));
        }
    }

    private static String source(String template, String language) throws IOException {
        String path = "/templates/" + template + "/" + language + ".ftlh";
        try (InputStream in = RecallTemplatesTest.class.getResourceAsStream(path)) {
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
