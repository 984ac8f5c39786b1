package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.security.Groups;

/**
 * Every page a buyer opens from our mail is made for a phone and names the store: the layout
 * ({@code templates/pages/page.ftlh}) heads each page with the store's name, or the seller's where no store is known
 * yet, and every input, select and text area of every page in every language is bound to a label (wrapped in it,
 * or named by {@code aria-labelledby}), so a tap on the words reaches the field and a screen reader reads them.
 * The sizes on a real phone screen are checked in a browser ({@code BuyerPagesOnPhoneBrowserTest}).
 */
class BuyerPageLayoutTest {

    /** The pages a buyer reaches (the recall report, the evidence pack and the mailbox are staff pages). */
    private static final List<String> BUYER_PAGES = List.of("buyer-return", "buyer-link", "recall", "incident",
            "parcel-address");
    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern LABEL_TAG = Pattern.compile("<(/?)label\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern LABELLED_BY = Pattern.compile("\\baria-labelledby=\"([^\"]+)\"");

    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyFieldOfEveryBuyerPageIsBoundToALabel() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        int controls = 0;
        List<String> sources = new ArrayList<>();
        for (String page : BUYER_PAGES) {
            for (String language : Groups.TEAM_LANGUAGES) {
                sources.add("pages/" + page + "/" + language + ".ftlh");
            }
        }
        sources.add("pages/recall-parts.ftlh");
        for (String source : sources) {
            String text = read(source);
            List<String> labelIds = new ArrayList<>();
            Matcher label = LABEL_TAG.matcher(text);
            while (label.find()) {
                Matcher id = ID.matcher(label.group(2));
                if (id.find()) {
                    labelIds.add(id.group(1));
                }
            }
            Matcher control = CONTROL.matcher(text);
            while (control.find()) {
                String attributes = control.group(2);
                if (attributes.contains("type=\"hidden\"")) {
                    continue;
                }
                controls++;
                Matcher labelledBy = LABELLED_BY.matcher(attributes);
                boolean named = labelledBy.find() && labelIds.contains(labelledBy.group(1));
                if (!named && !insideLabel(text, control.start())) {
                    unlabelled.add(source + ": " + control.group());
                }
            }
        }
        assertThat(controls).as("fields found in the buyer pages").isGreaterThan(100);
        assertThat(unlabelled).as("fields without a label").isEmpty();
    }

    /** Whether a {@code <label>} is open at this point of the template (opened before it and not closed since). */
    private static boolean insideLabel(String text, int position) {
        int depth = 0;
        Matcher label = LABEL_TAG.matcher(text.substring(0, position));
        while (label.find()) {
            depth += label.group(1).isEmpty() ? 1 : -1;
        }
        return depth > 0;
    }

    @Test
    void thePageIsHeadedByTheStoreOrElseTheSeller() {
        Map<String, Object> model = new HashMap<>();
        model.put("state", "STARTED");
        model.put("returnKey", "RT-2026-000042");
        model.put("orderId", "302-1234567-7654321");
        model.put("reasons", List.of("SIZE_FIT"));
        model.put("storeName", "Tassenhaus <Berlin>");
        templates.setSellerName("Helloword Trading");
        String html = templates.renderPage("buyer-return", "de", model).html();
        assertThat(html).contains("<p class=\"store\">Tassenhaus &lt;Berlin&gt;</p>",
                "<title>Tassenhaus &lt;Berlin&gt;: ", "name=\"viewport\" content=\"width=device-width, initial-scale=1\"")
                .doesNotContain("Helloword Trading");

        model.remove("storeName");
        model.put("state", "FORM");
        model.put("order", "");
        assertThat(templates.renderPage("buyer-return", "ar", model).html())
                .contains("<p class=\"store\">Helloword Trading</p>", "dir=\"rtl\"");

        templates.setSellerName(" ");
        assertThat(templates.renderPage("buyer-return", "en", model).html()).doesNotContain("class=\"store\"");
    }

    @Test
    void theLayoutMakesFieldsAndButtonsBigEnoughToTapAndKeepsThePageInsideAPhoneScreen() {
        String html = templates.renderPage("buyer-link", "en", Map.of("state", "ASK_CONFIRM", "caseKey", "C-1",
                "action", "/buyer/cases/C-1/confirm", "token", "t", "storeName", "Store")).html();
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        assertThat(css).contains("min-height: 48px", "min-height: 52px", "width: 100%", "overflow-wrap: anywhere",
                "font: 17px/1.5");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    private static String read(String source) throws IOException {
        try (InputStream in = BuyerPageLayoutTest.class.getResourceAsStream("/templates/" + source)) {
            assertThat(in).as(source).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
