package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.helloword.aftersales.security.Groups;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    private static Map<String, Object> model() {
        return Map.of("caseKey", "AS-2026-000042", "recipientName", "Kim", "orderId", "302-1234567-7654321",
                "storeName", "Helloword Amazon DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "ja", "ar", "zh"})
    void theAcknowledgementRendersInEveryTeamLanguage(String language) {
        RenderedMail mail = templates.render("case-received", language, model());

        assertThat(mail.language()).isEqualTo(language);
        assertThat(mail.subject()).contains("AS-2026-000042").doesNotContain("<");
        assertThat(mail.html()).contains("<html lang=\"" + language + "\"", "AS-2026-000042", "302-1234567-7654321");
        assertThat(mail.text()).contains("AS-2026-000042").doesNotContain("<p>", "<strong>", "<html");
    }

    @Test
    void everyTeamLanguageHasItsOwnTranslation() {
        for (String language : Groups.TEAM_LANGUAGES) {
            assertThat(templates.render("case-received", language, model()).language()).isEqualTo(language);
        }
        assertThat(templates.render("case-received", "de", model()).subject())
                .isNotEqualTo(templates.render("case-received", "en", model()).subject());
    }

    @Test
    void arabicIsLaidOutRightToLeftAndOthersLeftToRight() {
        assertThat(templates.render("case-received", "ar", model()).html()).contains("dir=\"rtl\"")
                .contains("text-align:right");
        assertThat(templates.render("case-received", "ja", model()).html()).contains("dir=\"ltr\"");
    }

    @Test
    void buyerTextIsEscapedInHtmlAndReadableInText() {
        Map<String, Object> model = Map.of("caseKey", "AS-1", "buyerSubject", "<script>alert('x')</script> & more",
                "recipientName", "<b>Mallory</b>");

        RenderedMail mail = templates.render("case-received", "en", model);

        assertThat(mail.html()).doesNotContain("<script>", "<b>Mallory</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", "&lt;b&gt;Mallory&lt;/b&gt;");
        assertThat(mail.text()).contains("<script>alert('x')</script> & more");
    }

    @Test
    void aMissingLanguageFallsBackToEnglish() {
        RenderedMail mail = templates.render("case-received", "ko", model());

        assertThat(mail.language()).isEqualTo("en");
        assertThat(mail.subject()).startsWith("We have received your message");
    }

    @Test
    void aMissingTemplateIsAClearError() {
        assertThatThrownBy(() -> templates.render("no-such-template", "de", model()))
                .isInstanceOf(MailTemplateException.class).hasMessageContaining("mail/no-such-template/en.ftlh");
        assertThatThrownBy(() -> templates.requireTemplate("no-such-template"))
                .isInstanceOf(MailTemplateException.class);
        assertThatThrownBy(() -> templates.render("../../etc", "en", model()))
                .isInstanceOf(MailTemplateException.class).hasMessageContaining("Invalid template");
    }

    @Test
    void templatesCannotCreateJavaObjects() {
        assertThatThrownBy(() -> templates.render("unsafe", "en", Map.of()))
                .isInstanceOf(MailTemplateException.class).hasMessageContaining("Execute");
    }

    @Test
    void theTextAlternativeKeepsLinksAndParagraphs() {
        String text = HtmlToText.convert("<html><head><title>t</title></head><body><p>Hello&nbsp;Kim,</p>"
                + "<p>Track it <a href=\"https://track.example/1\">here</a>.<br>Thanks</p><ul><li>one</li></ul>"
                + "</body></html>");

        assertThat(text).isEqualTo("Hello Kim,\n\nTrack it here (https://track.example/1).\nThanks\n\n- one\n");
    }
}
