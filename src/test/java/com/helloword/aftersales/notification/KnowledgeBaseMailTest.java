package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.helloword.aftersales.security.Groups;

/** The knowledge-base answer: templates/mail/kb-answer with the article snippet from templates/kb. */
class KnowledgeBaseMailTest {

    static final String[] ARTICLES = {"knitwear-care", "size-conversion", "shipping-times", "return-how-to"};
    private static final Pattern HEADING = Pattern.compile("<h2[^>]*>(.+?)</h2>");

    private final MailTemplates templates = new MailTemplates();

    private static Map<String, Object> model(String article) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", "AS-2026-000077");
        model.put("recipientName", "Kim");
        model.put("orderId", "302-7654321-1234567");
        model.put("storeName", "Helloword Amazon DE");
        model.put("article", article);
        return model;
    }

    /** The heading of the snippet file as written, so a test sees which translation went into the mail. */
    private static String heading(String article, String language) throws IOException {
        try (InputStream in = KnowledgeBaseMailTest.class.getClassLoader()
                .getResourceAsStream("templates/kb/" + article + "/" + language + ".ftlh")) {
            assertThat(in).as("templates/kb/%s/%s.ftlh", article, language).isNotNull();
            Matcher matcher = HEADING.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "ja", "ar", "zh"})
    void everyArticleIsAnsweredInEveryTeamLanguage(String language) throws IOException {
        for (String article : ARTICLES) {
            RenderedMail mail = templates.render("kb-answer", language, model(article));

            assertThat(mail.language()).isEqualTo(language);
            assertThat(mail.subject()).contains("AS-2026-000077").doesNotContain("<");
            assertThat(mail.html()).as(article).contains("<html lang=\"" + language + "\"", "AS-2026-000077",
                    "302-7654321-1234567", heading(article, language));
            assertThat(mail.text()).contains("AS-2026-000077").doesNotContain("<h2", "<li>", "<table");
            if (!language.equals("en")) {
                assertThat(heading(article, language)).as(article + " translated to " + language)
                        .isNotEqualTo(heading(article, "en"));
            }
        }
    }

    @Test
    void everyTeamLanguageHasItsOwnMailAndSnippets() {
        for (String language : Groups.TEAM_LANGUAGES) {
            for (String article : ARTICLES) {
                assertThat(KnowledgeBaseMailTest.class.getClassLoader()
                        .getResource("templates/kb/" + article + "/" + language + ".ftlh")).as(article + "/" + language)
                        .isNotNull();
            }
            assertThat(templates.render("kb-answer", language, model("knitwear-care")).language()).isEqualTo(language);
        }
        assertThat(templates.render("kb-answer", "de", model("knitwear-care")).subject())
                .isNotEqualTo(templates.render("kb-answer", "en", model("knitwear-care")).subject());
    }

    @Test
    void theArticlesCarryTheirConcreteContent() {
        String care = templates.render("kb-answer", "en", model("knitwear-care")).html();
        assertThat(care).contains("30 °C", "Dry flat", "Pilling is normal", "tumble dry");

        String sizes = templates.render("kb-answer", "de", model("size-conversion")).html();
        assertThat(sizes).contains("<table", "<th style=\"", ">Damen</th>", ">UK / US</th>", "JP / Fußlänge in cm")
                .contains("<td style=\"border:1px solid #c9d2dc;padding:4px 8px;text-align:center;\">26.5</td>")
                .contains(">48–50</td>");
        assertThat(templates.render("kb-answer", "de", model("size-conversion")).text())
                .as("table cells stay apart in the text alternative").contains("XS 34 6 2 7 44 34", "42 8 10.5 9 26.5");

        String shipping = templates.render("kb-answer", "fr", model("shipping-times")).html();
        assertThat(shipping).contains("<table", "3–7", "douane");

        String returns = templates.render("kb-answer", "es", model("return-how-to")).html();
        assertThat(returns).contains("14 días", "etiqueta de devolución");
    }

    @Test
    void theMailSaysThatAPersonStillAnswersAReply() {
        assertThat(templates.render("kb-answer", "en", model("shipping-times")).text())
                .contains("your case stays open and a member of our team will answer you personally");
        assertThat(templates.render("kb-answer", "de", model("shipping-times")).text())
                .contains("Ihr Vorgang bleibt offen");
    }

    @Test
    void arabicIsLaidOutRightToLeftAndOthersLeftToRight() {
        RenderedMail arabic = templates.render("kb-answer", "ar", model("size-conversion"));
        assertThat(arabic.html()).contains("<html lang=\"ar\" dir=\"rtl\"", "text-align:right", "المقاس");
        assertThat(templates.render("kb-answer", "zh", model("size-conversion")).html()).contains("dir=\"ltr\"");
    }

    @Test
    void aMissingLanguageFallsBackToEnglishForMailAndArticle() throws IOException {
        RenderedMail korean = templates.render("kb-answer", "ko", model("knitwear-care"));

        assertThat(korean.language()).isEqualTo("en");
        assertThat(korean.subject()).startsWith("An answer to your question");
        assertThat(korean.html()).contains("<html lang=\"en\"", heading("knitwear-care", "en"));
    }

    @Test
    void anArticleWithoutTheMailsLanguageIsIncludedInEnglish() {
        RenderedMail mail = templates.render("kb-answer", "de", model("english-only"));

        assertThat(mail.language()).isEqualTo("de");
        assertThat(mail.subject()).startsWith("Antwort auf Ihre Frage");
        assertThat(mail.html()).contains("An article that exists only in English", "Ihr Vorgang bleibt offen");
    }

    @Test
    void anUnknownOrMissingArticleFailsTheMailInsteadOfSendingAnEmptyAnswer() {
        assertThatThrownBy(() -> templates.render("kb-answer", "en", model("no-such-article")))
                .isInstanceOf(MailTemplateException.class)
                .hasMessageContaining("No knowledge-base article no-such-article");
        assertThatThrownBy(() -> templates.render("kb-answer", "en", model("../mail/layout")))
                .isInstanceOf(MailTemplateException.class).hasMessageContaining("Invalid knowledge-base article");
        Map<String, Object> withoutArticle = model("x");
        withoutArticle.remove("article");
        assertThatThrownBy(() -> templates.render("kb-answer", "en", withoutArticle))
                .isInstanceOf(MailTemplateException.class);
    }

    @Test
    void buyerDataIsEscaped() {
        Map<String, Object> model = model("return-how-to");
        model.put("recipientName", "<b>Mallory</b>");

        assertThat(templates.render("kb-answer", "en", model).html()).doesNotContain("<b>Mallory</b>")
                .contains("&lt;b&gt;Mallory&lt;/b&gt;");
    }
}
