package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.helloword.aftersales.security.Groups;

/**
 * The parcel watch's buyer mails (parcel-quiet, parcel-exception) and the address page exist in every team
 * language, each in its own words, render every kind and state, and carry the links they must.
 */
class ParcelWatchTemplatesTest {

    private static final List<String> KINDS = List.of("RETURNED_TO_SENDER", "CUSTOMS_HOLD", "ADDRESS_PROBLEM", "LOST",
            "DAMAGED", "OTHER");
    private static final List<String> STATES = List.of("FORM", "ANSWER_MISSING", "ADDRESS_MISSING", "ANSWERED_NOW",
            "ALREADY_ANSWERED", "CLOSED", "TOO_MANY", "INVALID", "UNKNOWN");

    private final MailTemplates templates = new MailTemplates();

    static List<String> languages() {
        return Groups.TEAM_LANGUAGES;
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", "302-1234567-7654321");
        model.put("trackingNumber", "00340434161094042557");
        model.put("trackingUrl", "https://t.17track.net/en#nums=00340434161094042557");
        model.put("carrier", "DHL");
        model.put("storeName", "Helloword Amazon DE");
        model.put("quietDays", 3);
        model.put("lastNews", "2026-12-01");
        model.put("options", List.of("WAIT_WITH_COUPON", "RESHIP", "REFUND"));
        model.put("watchId", 42L);
        return model;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theQuietMailHasTheTrackingLinkAndEveryOption(String language) {
        RenderedMail mail = templates.render("parcel-quiet", language, model());

        assertThat(mail.language()).isEqualTo(language);
        assertThat(mail.subject()).contains("302-1234567-7654321");
        assertThat(mail.html()).contains("href=\"https://t.17track.net/en#nums=00340434161094042557\"",
                "00340434161094042557").doesNotContain("WAIT_WITH_COUPON", "RESHIP", "REFUND");
        assertThat(mail.html().split("<li>")).hasSize(4);
        Map<String, Object> none = model();
        none.put("options", List.of());
        assertThat(templates.render("parcel-quiet", language, none).html()).doesNotContain("<li>");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theExceptionMailSaysEachKindAndLinksTheAddressPage(String language) {
        Set<String> subjects = new HashSet<>();
        for (String kind : KINDS) {
            Map<String, Object> model = model();
            model.put("kind", kind);
            if (kind.equals("ADDRESS_PROBLEM")) {
                model.put("addressUrl", "https://shop.example/buyer/parcels/42/address?t=1.abc&lang=" + language);
            }
            RenderedMail mail = templates.render("parcel-exception", language, model);
            subjects.add(mail.subject());
            assertThat(mail.language()).isEqualTo(language);
            assertThat(mail.html()).contains("00340434161094042557");
            assertThat(mail.html().contains("/buyer/parcels/42/address")).as(kind)
                    .isEqualTo(kind.equals("ADDRESS_PROBLEM"));
        }
        assertThat(subjects).as("a subject per kind").hasSameSizeAs(KINDS);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void theAddressPageRendersEveryState(String language) {
        Set<String> bodies = new HashSet<>();
        for (String state : STATES) {
            Map<String, Object> model = model();
            model.put("state", state);
            model.put("token", "1.abc");
            model.put("action", "/buyer/parcels/42/address");
            String html = templates.renderPage("parcel-address", language, model).html();
            bodies.add(html);
            assertThat(html.contains("<form")).as(state)
                    .isEqualTo(List.of("FORM", "ANSWER_MISSING", "ADDRESS_MISSING").contains(state));
        }
        assertThat(bodies).as("UNKNOWN and INVALID say the same").hasSize(STATES.size() - 1);
    }

    @Test
    void everyLanguageSpeaksItsOwnWordsAndArabicIsRightToLeft() {
        for (String template : List.of("parcel-quiet", "parcel-exception")) {
            Set<String> texts = new HashSet<>();
            for (String language : languages()) {
                Map<String, Object> model = model();
                model.put("kind", "LOST");
                texts.add(templates.render(template, language, model).text());
            }
            assertThat(texts).as(template).hasSameSizeAs(languages());
            Map<String, Object> model = model();
            model.put("kind", "LOST");
            assertThat(templates.render(template, "ar", model).html()).contains("dir=\"rtl\"");
        }
        Map<String, Object> page = model();
        page.put("state", "INVALID");
        Set<String> pages = new HashSet<>();
        for (String language : languages()) {
            pages.add(templates.renderPage("parcel-address", language, page).html());
        }
        assertThat(pages).hasSameSizeAs(languages());
    }
}
