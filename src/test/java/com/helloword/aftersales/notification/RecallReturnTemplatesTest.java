package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.helloword.aftersales.security.Groups;

/**
 * The buyer's stage-4 mails ({@code recall-label}, {@code recall-remedy-done}) exist in every team language as
 * files of their own (no English fallback), and render every branch: first mail and reminder, with our label's link
 * and without (a label made by hand), each remedy, a refund with and without its amount.
 */
class RecallReturnTemplatesTest {

    private static final String LABEL_URL = "https://shop.example/buyer/recalls/42/label?t=1.abc";
    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static Map<String, Object> model(String remedy) {
        Map<String, Object> model = new HashMap<>();
        model.put("recallKey", "RC-7");
        model.put("sku", "KETTLE-1");
        model.put("remedy", remedy);
        model.put("units", List.of("301-1-1", "301-1-2"));
        model.put("tracking", "00340434161094042557");
        model.put("carrier", "DHL");
        model.put("reminder", 0);
        return model;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theLabelMailRendersWithAndWithoutItsLinkAndAsAReminder(String language) {
        assertThat(Path.of("templates/mail/recall-label/" + language + ".ftlh")).satisfies(p -> assertThat(Files.exists(p)).isTrue());
        for (String remedy : List.of("REFUND", "REPLACEMENT", "REPAIR")) {
            Map<String, Object> withLink = model(remedy);
            withLink.put("labelUrl", LABEL_URL);
            var mail = templates.render("recall-label", language, withLink);
            assertThat(mail.subject()).contains("RC-7");
            assertThat(mail.html()).contains(LABEL_URL.replace("&", "&amp;"), "301-1-2", "00340434161094042557",
                    "lang=\"" + language + "\"").doesNotContain("null");
        }
        var byHand = templates.render("recall-label", language, model("REFUND"));
        assertThat(byHand.html()).doesNotContain("/label?").contains("00340434161094042557");
        Map<String, Object> reminder = model("REFUND");
        reminder.put("reminder", 2);
        var reminded = templates.render("recall-label", language, reminder);
        assertThat(reminded.subject()).contains("RC-7").isNotEqualTo(byHand.subject());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theRemedyMailSaysWhatWasDone(String language) {
        assertThat(Path.of("templates/mail/recall-remedy-done/" + language + ".ftlh")).satisfies(p -> assertThat(Files.exists(p)).isTrue());
        Map<String, Object> refund = model("REFUND");
        refund.put("amount", "79.80");
        refund.put("currency", "EUR");
        var refunded = templates.render("recall-remedy-done", language, refund);
        assertThat(refunded.subject()).contains("RC-7");
        assertThat(refunded.html()).contains("79.80 EUR", "KETTLE-1");
        String withoutAmount = templates.render("recall-remedy-done", language, model("REFUND")).html();
        String replaced = templates.render("recall-remedy-done", language, model("REPLACEMENT")).html();
        String repaired = templates.render("recall-remedy-done", language, model("REPAIR")).html();
        assertThat(List.of(withoutAmount, replaced, repaired)).doesNotHaveDuplicates()
                .allSatisfy(html -> assertThat(html).doesNotContain("null", "79.80"));
    }
}
