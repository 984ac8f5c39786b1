package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The buyer's self-service return (the page behind /buyer/returns/new and /buyer/returns/start, and
 * the mail with the signed link to continue) and the label link's refusals exist in every team language,
 * render every state, name the items by their titles, post the fields the controller reads, and keep the
 * cases, reason labels, conditions, variables and markup of the English original.
 */
class SelfServiceTemplatesTest {

    private static final String PAGE = "buyer-return";
    private static final String MAIL = "return-start";
    private static final String ORDER_ID = "302-1234567-7654321";
    private static final String STORE = "Helloword Amazon DE";
    private static final String RETURN_KEY = "RT-2026-000042";
    /** Big enough that a number printed without {@code ?c} would get a grouping separator. */
    private static final long ORDER_PK = 1234567L;
    private static final String TOKEN = "v1.Qm9vaw-Zm9v_YmFy";
    private static final String START_URL = "https://aftersales.example/buyer/returns/start?o=1234567&r=SIZE_FIT"
            + "&w=EXCHANGE&lang=de&t=v1.Qm9vaw-Zm9v_YmFy";
    private static final String REASON = "SIZE_FIT";
    private static final List<String> SKUS = List.of("TSHIRT-BLU-M", "TSHIRT-BLU-L");
    private static final List<String> REASONS = List.of("CHANGED_MIND", "SIZE_FIT", "COLOR_MISMATCH", "DEFECTIVE",
            "DAMAGED", "WRONG_ITEM", "MISSING_PARTS", "NOT_AS_DESCRIBED");
    /** The last one is no case of the page: it takes the default branch (invalid link). */
    private static final List<String> STATES = List.of("FORM", "CHECK_MAIL", "CONFIRM", "STARTED", "TOO_MANY",
            "LABEL_INVALID", "NO_LABEL", "INVALID");
    private static final Pattern CASE = Pattern.compile("<#case\\s+\"([^\"]+)\"\\s*>");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CONDITION = Pattern.compile("<#(?:if|elseif)\\s+([^>]+?)\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-z][a-z0-9]*(?:\\s[^>]*)?>");
    private static final Pattern REASON_LABELS = Pattern.compile("<#assign\\s+reasonLabels\\s*=\\s*\\{(.*?)\\}\\s*>",
            Pattern.DOTALL);
    private static final Pattern HASH_KEY = Pattern.compile("\"([A-Z_]+)\"\\s*:");
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\">([^<]*)</option>");
    private static final String NULL = "\\bnull\\b";

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static Map<String, Object> pageModel(String state, String wanted, List<String> skus) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("reasons", REASONS);
        model.put("order", ORDER_ID);
        model.put("orderId", ORDER_ID);
        model.put("skus", skus);
        model.put("o", ORDER_PK);
        model.put("r", REASON);
        model.put("w", wanted);
        model.put("t", TOKEN);
        model.put("returnKey", RETURN_KEY);
        return model;
    }

    private static Map<String, Object> pageModel(String state) {
        return pageModel(state, "EXCHANGE", SKUS);
    }

    private static Map<String, Object> mailModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", ORDER_ID);
        model.put("storeName", STORE);
        model.put("startUrl", START_URL);
        model.put("recipientName", "Kim");
        return model;
    }

    private RenderedMail page(String language, Map<String, Object> model, String as) {
        RenderedMail page = templates.renderPage(PAGE, language, model);

        assertThat(page.language()).as(as + " language").isEqualTo(language);
        assertThat(page.subject()).as(as + " title").isNotBlank().doesNotContain("<").doesNotContainPattern(NULL);
        assertThat(page.html()).as(as + " html").contains("<html lang=\"" + language + "\"")
                .doesNotContainPattern(NULL).doesNotContain("${");
        assertThat(page.text()).as(as + " text").doesNotContainPattern(NULL);
        return page;
    }

    private RenderedMail mail(String language, Map<String, Object> model, String as) {
        RenderedMail mail = templates.render(MAIL, language, model);

        assertThat(mail.language()).as(as + " language").isEqualTo(language);
        assertThat(mail.subject()).as(as + " subject").contains(ORDER_ID).doesNotContain("<")
                .doesNotContainPattern(NULL);
        assertThat(mail.html()).as(as + " html").contains("<html lang=\"" + language + "\"")
                .contains("href=\"" + START_URL.replace("&", "&amp;") + "\"", ORDER_ID)
                .doesNotContainPattern(NULL).doesNotContain("${");
        assertThat(mail.text()).as(as + " text").contains(START_URL, ORDER_ID).doesNotContainPattern(NULL);
        return mail;
    }

    /** The reason options of a rendered page, value to label, in page order. */
    private static Map<String, String> options(String html) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = OPTION.matcher(html);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theFormAsksForOrderEmailReasonAndWhatTheBuyerWants(String language) {
        String html = page(language, pageModel("FORM"), "FORM").html();

        assertThat(html).contains("<form method=\"post\" action=\"/buyer/returns/new\">",
                "<input type=\"hidden\" name=\"lang\" value=\"" + language + "\">",
                "<input name=\"order\" value=\"" + ORDER_ID + "\"", "<input name=\"email\" type=\"email\"",
                "<select name=\"reason\">", "<input type=\"radio\" name=\"wanted\" value=\"REFUND\" checked>",
                "<input type=\"radio\" name=\"wanted\" value=\"EXCHANGE\">");
        assertThat(html.split("<form ", -1)).as("one form").hasSize(2);

        Map<String, String> labels = options(html);
        assertThat(labels.keySet()).as("reason codes").containsExactlyElementsOf(REASONS);
        labels.forEach((code, label) -> assertThat(label).as(language + " label of " + code).isNotBlank());
        assertThat(new HashSet<>(labels.values())).as("a label of its own for every reason").hasSize(REASONS.size());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void anIncompleteFormSaysSoAndKeepsTheOrderNumber(String language) {
        String complete = page(language, pageModel("FORM"), "FORM").html();
        Map<String, Object> model = pageModel("FORM");
        model.put("incomplete", true);
        String incomplete = page(language, model, "incomplete FORM").html();

        assertThat(incomplete).isNotEqualTo(complete).contains("<p><strong>", "value=\"" + ORDER_ID + "\"");
        assertThat(complete).doesNotContain("<strong>");

        model = pageModel("FORM");
        model.remove("order");
        assertThat(page(language, model, "empty FORM").html()).contains("<input name=\"order\" value=\"\"");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theConfirmationPostsTheSignedValuesAndTheItems(String language) {
        Map<String, String> labels = options(page(language, pageModel("FORM"), "FORM").html());
        Set<String> bodies = new HashSet<>();
        for (String wanted : List.of("REFUND", "EXCHANGE")) {
            String as = "CONFIRM/" + wanted;
            String html = page(language, pageModel("CONFIRM", wanted, SKUS), as).html();

            assertThat(html).as(as).contains("<form method=\"post\" action=\"/buyer/returns/start\">",
                    "<input type=\"hidden\" name=\"o\" value=\"" + ORDER_PK + "\">",
                    "<input type=\"hidden\" name=\"r\" value=\"" + REASON + "\">",
                    "<input type=\"hidden\" name=\"w\" value=\"" + wanted + "\">",
                    "<input type=\"hidden\" name=\"t\" value=\"" + TOKEN + "\">",
                    "<input type=\"hidden\" name=\"lang\" value=\"" + language + "\">",
                    "<select name=\"sku\">", ORDER_ID, labels.get(REASON));
            Map<String, String> items = options(html);
            assertThat(items.keySet()).as(as + " items").containsExactly("", SKUS.get(0), SKUS.get(1));
            assertThat(items.get("")).as(as + " all items").isNotBlank();
            for (String sku : SKUS) {
                assertThat(items.get(sku)).as(as).isEqualTo(sku);
            }
            if (wanted.equals("EXCHANGE")) {
                assertThat(html).as(as).contains("<input name=\"wish\" maxlength=\"200\">");
            } else {
                assertThat(html).as(as).doesNotContain("name=\"wish\"");
            }
            bodies.add(html);

            String single = page(language, pageModel("CONFIRM", wanted, List.of(SKUS.get(0))), as + " one item")
                    .html();
            assertThat(options(single).keySet()).as(as + " one item").containsExactly(SKUS.get(0));
        }
        assertThat(bodies).as("refund and exchange differ").hasSize(2);

        // the picker names the items as the store does; an item without a title keeps its SKU
        Map<String, Object> named = pageModel("CONFIRM");
        named.put("titles", Map.of(SKUS.get(0), "T-Shirt <Blau> M"));
        Map<String, String> items = options(page(language, named, "CONFIRM with titles").html());
        assertThat(items.keySet()).containsExactly("", SKUS.get(0), SKUS.get(1));
        assertThat(items.get(SKUS.get(0))).isEqualTo("T-Shirt &lt;Blau&gt; M");
        assertThat(items.get(SKUS.get(1))).isEqualTo(SKUS.get(1));

        for (String reason : REASONS) {
            Map<String, Object> model = pageModel("CONFIRM");
            model.put("r", reason);
            assertThat(page(language, model, "CONFIRM/" + reason).html()).as(reason).contains(labels.get(reason));
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyStateSaysSomethingOfItsOwn(String language) {
        Map<String, String> texts = new HashMap<>();
        for (String state : STATES) {
            RenderedMail page = page(language, pageModel(state), state);
            texts.put(state, page.text());

            switch (state) {
                case "STARTED" -> assertThat(page.html()).as(state).contains(RETURN_KEY).doesNotContain("<form");
                case "TOO_MANY" -> assertThat(page.html()).as(state).doesNotContain("<form", RETURN_KEY, "<a ");
                case "CHECK_MAIL", "LABEL_INVALID", "NO_LABEL" -> assertThat(page.html()).as(state)
                        .doesNotContain("<form", RETURN_KEY, "<a href");
                case "INVALID" -> assertThat(page.html()).as(state)
                        .contains("<a href=\"/buyer/returns/new?lang=" + language + "\">").doesNotContain("<form");
                default -> assertThat(page.html()).as(state).contains("<form").doesNotContain(RETURN_KEY);
            }
        }
        assertThat(new HashSet<>(texts.values())).as("one text per state").hasSize(STATES.size());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theMailLinksTheStartOfTheReturn(String language) {
        RenderedMail mail = mail(language, mailModel(), MAIL);
        assertThat(mail.html()).contains(STORE, "Kim");

        RenderedMail minimal = mail(language, Map.of("orderId", ORDER_ID, "startUrl", START_URL), "minimal " + MAIL);
        assertThat(minimal.html()).doesNotContain(STORE, "Kim");
    }

    @Test
    void everyLanguageSpeaksItsOwnWords() {
        Set<String> titles = new HashSet<>();
        Map<String, Set<String>> pageTexts = new HashMap<>();
        Set<String> subjects = new HashSet<>();
        Set<String> mailTexts = new HashSet<>();
        for (String language : languages()) {
            for (String state : STATES) {
                RenderedMail page = templates.renderPage(PAGE, language, pageModel(state));
                if (state.equals("FORM")) {
                    titles.add(page.subject());
                }
                pageTexts.computeIfAbsent(state, s -> new HashSet<>()).add(page.text());
            }
            RenderedMail mail = templates.render(MAIL, language, mailModel());
            subjects.add(mail.subject());
            mailTexts.add(mail.text());
        }
        assertThat(titles).as("page titles").hasSameSizeAs(languages());
        pageTexts.forEach((state, texts) -> assertThat(texts).as(state + " texts").hasSameSizeAs(languages()));
        assertThat(subjects).as("mail subjects").hasSameSizeAs(languages());
        assertThat(mailTexts).as("mail texts").hasSameSizeAs(languages());
    }

    @Test
    void arabicIsRightToLeft() {
        for (String state : STATES) {
            assertThat(templates.renderPage(PAGE, "ar", pageModel(state)).html()).as(state).contains("dir=\"rtl\"");
            assertThat(templates.renderPage(PAGE, "fr", pageModel(state)).html()).as(state).contains("dir=\"ltr\"");
        }
        assertThat(templates.render(MAIL, "ar", mailModel()).html()).contains("dir=\"rtl\"");
        assertThat(templates.render(MAIL, "fr", mailModel()).html()).contains("dir=\"ltr\"");
    }

    /** A case, reason, condition, variable or form field added to English but not to a translation fails here. */
    @ParameterizedTest
    @MethodSource("languages")
    void everyTranslationHasTheSameCasesReasonsConditionsVariablesAndMarkupAsEnglish(String language)
            throws IOException {
        for (String path : List.of("pages/" + PAGE, "mail/" + MAIL)) {
            String english = source(path, "en");
            String translation = source(path, language);
            String as = path + "/" + language;

            assertThat(all(CASE, translation)).as(as + " cases").isEqualTo(all(CASE, english));
            assertThat(reasonLabelKeys(translation)).as(as + " reason labels").isEqualTo(reasonLabelKeys(english));
            assertThat(all(CONDITION, translation)).as(as + " conditions").isEqualTo(all(CONDITION, english));
            assertThat(all(VARIABLE, translation)).as(as + " variables").isEqualTo(all(VARIABLE, english));
            assertThat(translation.contains("<#default>")).as(as + " default")
                    .isEqualTo(english.contains("<#default>"));
            assertThat(tags(translation)).as(as + " markup").isEqualTo(tags(english));
        }
        String english = source("pages/" + PAGE, "en");
        assertThat(all(CASE, english)).containsExactlyInAnyOrderElementsOf(STATES.subList(0, STATES.size() - 1));
        assertThat(reasonLabelKeys(english)).containsExactlyInAnyOrderElementsOf(REASONS);
        assertThat(english).contains("<#default>");
    }

    private static String source(String path, String language) throws IOException {
        String resource = "/templates/" + path + "/" + language + ".ftlh";
        try (InputStream in = SelfServiceTemplatesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
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

    /** The keys of the {@code reasonLabels} hash; none when the template has no such hash. */
    private static Set<String> reasonLabelKeys(String source) {
        Matcher hash = REASON_LABELS.matcher(source);
        return hash.find() ? all(HASH_KEY, hash.group(1)) : Set.of();
    }

    /**
     * The HTML tags with their attributes (form field names, values, actions), counted; their order may
     * differ where a language orders a sentence differently.
     */
    private static List<String> tags(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HTML_TAG.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("\\s+", " "));
        }
        found.sort(null);
        return found;
    }
}
