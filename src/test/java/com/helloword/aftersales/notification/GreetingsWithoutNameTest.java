package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.helloword.aftersales.security.Groups;

/**
 * Issue 15: every buyer mail greets naturally whether or not the case file knows the buyer's name ("Guten Tag,"
 * rather than "Guten Tag ,"), in every team language. The mails that greet are found on the classpath (every
 * {@code templates/mail/<template>} whose English version uses {@code recipientName}); the staff mails greet no
 * buyer. Each is rendered with a model that fills every variable the buyer mails use, once without a name, once with
 * a blank one and once with "Kim".
 */
class GreetingsWithoutNameTest {

    private static final String NAME = "Kim";
    /** The mail templates: the project's, and the test's own (which greet nobody). */
    private static final String MAIL = "templates/mail";
    /** A letter, then space, then the punctuation that closes a greeting: a name was left out in between. */
    private static final Pattern STRAY_SPACE = Pattern.compile("\\p{L}\\s+[,:،，：]");
    private static final Pattern FIRST_PARAGRAPH = Pattern.compile("<body[^>]*>.*?<p>(.*?)</p>", Pattern.DOTALL);
    /** Each language's greetings, "{name}" where the name goes; without a name the greeting has no "{name}". */
    private static final Map<String, List<String>> GREETINGS = Map.ofEntries(
            Map.entry("en", List.of("Dear {name},", "Dear customer,", "Hello {name},", "Hello,")),
            Map.entry("de", List.of("Guten Tag {name},", "Guten Tag,")),
            Map.entry("fr", List.of("Bonjour {name},", "Bonjour,")),
            Map.entry("es", List.of("Estimado/a {name}:", "Hola {name}:", "Estimado/a cliente:")),
            Map.entry("it", List.of("Gentile {name},", "Gentile cliente,")),
            Map.entry("nl", List.of("Beste {name},", "Beste klant,")),
            Map.entry("pl", List.of("Dzień dobry {name},", "Dzień dobry,")),
            Map.entry("sv", List.of("Hej {name},", "Hej,")),
            Map.entry("pt", List.of("Olá {name},", "Olá,")),
            Map.entry("ja", List.of("{name}様", "お客様")),
            Map.entry("ar", List.of("عزيزي/عزيزتي {name}،", "عزيزي {name}،", "مرحباً {name}،", "عزيزي العميل،")),
            Map.entry("zh", List.of("{name}，您好：", "尊敬的顾客，您好：", "您好：", "尊敬的{name}：", "尊敬的顾客：")));

    private final MailTemplates templates = new MailTemplates();

    /** Every mail template that greets the buyer, crossed with every team language. */
    static Stream<String[]> greetingMails() throws IOException, URISyntaxException {
        Set<String> greeting = new TreeSet<>();
        for (URL root : Collections.list(GreetingsWithoutNameTest.class.getClassLoader().getResources(MAIL))) {
            try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
                dirs.filter(GreetingsWithoutNameTest::greetsTheBuyer).forEach(dir -> greeting.add(dir.getFileName()
                        .toString()));
            }
        }
        assertThat(greeting).as("the buyer mails that greet").hasSizeGreaterThanOrEqualTo(21)
                .contains("case-received", "kb-answer", "incident-notice", "recall-label", "return-start");
        return greeting.stream()
                .flatMap(template -> Groups.TEAM_LANGUAGES.stream().map(language -> new String[] {template, language}));
    }

    private static boolean greetsTheBuyer(Path dir) {
        Path english = dir.resolve("en.ftlh");
        try {
            return Files.isRegularFile(english) && Files.readString(english).contains("recipientName");
        } catch (IOException e) {
            throw new UncheckedIOException(english.toString(), e);
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("greetingMails")
    void theGreetingReadsRightWithoutAName(String template, String language) {
        Map<String, Object> missing = model(template);
        Map<String, Object> empty = model(template);
        empty.put("recipientName", "");
        Map<String, Object> blank = model(template);
        blank.put("recipientName", "  ");

        Map<String, Object> named = model(template);
        named.put("recipientName", NAME);
        String subject = templates.render(template, language, named).subject();

        for (Map<String, Object> model : List.of(missing, empty, blank)) {
            String as = template + "/" + language + " recipientName=" + model.get("recipientName");
            RenderedMail mail = templates.render(template, language, model);
            String greeting = greeting(mail, as);

            assertThat(GREETINGS.get(language)).as(as + ": the nameless greeting «" + greeting + "»")
                    .filteredOn(form -> !form.contains("{name}")).contains(greeting);
            assertThat(greeting).as(as).doesNotContainPattern(STRAY_SPACE).doesNotStartWith("様")
                    .doesNotContainPattern("^[\\s,:،，：]").doesNotContain("尊敬的,", "尊敬的，", "尊敬的：");
            assertThat("\n" + mail.text()).as(as + " text").contains("\n" + greeting + "\n")
                    .doesNotContain("Dear ,", "Hello ,", "Guten Tag ,", "Bonjour ,", "Hola :", "Hej ,", "Olá ,");
            assertThat(mail.subject()).as(as + " subject: the same, name or none").isEqualTo(subject);
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("greetingMails")
    void theGreetingCarriesTheNameWhenThereIsOne(String template, String language) {
        String as = template + "/" + language;
        for (String name : List.of(NAME, " " + NAME + " ")) {
            Map<String, Object> model = model(template);
            model.put("recipientName", name);
            String greeting = greeting(templates.render(template, language, model), as);

            assertThat(GREETINGS.get(language)).as(as + ": the greeting «" + greeting + "»")
                    .filteredOn(form -> form.contains("{name}")).map(form -> form.replace("{name}", NAME))
                    .contains(greeting);
            assertThat(greeting).as(as).doesNotContainPattern(STRAY_SPACE);
        }
    }

    private static String greeting(RenderedMail mail, String as) {
        Matcher matcher = FIRST_PARAGRAPH.matcher(mail.html());
        assertThat(matcher.find()).as(as + ": a first paragraph").isTrue();
        return matcher.group(1).strip();
    }

    /**
     * Every variable the buyer mails use, without {@code recipientName}; where two mails use a name differently
     * (a parcel's options are words, an incident's are links; a recall counts its units, its label lists them), the
     * template's own value wins.
     */
    private static Map<String, Object> model(String template) {
        Map<String, Object> model = new HashMap<>(Map.of("caseKey", "AS-2026-000042", "orderId", "302-1234567-7654321",
                "storeName", "Helloword Amazon DE", "buyerSubject", "Broken lamp", "ratingUrls",
                List.of("https://shop.example/rate/1", "https://shop.example/rate/2"), "article", "shipping-times"));
        model.putAll(Map.of("remedy", "REFUND", "amount", "39.90", "currency", "EUR", "percent", 10, "couponCode",
                "SORRY-4711", "agentNote", "We checked the photos.", "confirmUrl",
                "https://shop.example/buyer/cases/42/confirm?t=tok", "outcome", "REFUND"));
        model.putAll(Map.of("incidentKey", "IN-000042", "cause", "LOST_IN_TRANSIT", "note", "", "choiceEnds",
                "2026-12-08 10:00 UTC", "chosenBy", "BUYER", "options",
                List.of(Map.of("no", 1, "remedy", "REFUND", "url", "https://shop.example/i/1"), Map.of("no", 2,
                        "remedy", "COUPON", "amount", "5.00", "currency", "EUR", "url", "https://shop.example/i/2"))));
        model.putAll(Map.of("trackingNumber", "00340434161094042557", "trackingUrl",
                "https://t.17track.net/en#nums=00340434161094042557", "carrier", "DHL", "kind", "LOST", "lastNews",
                "2026-12-01"));
        model.putAll(Map.of("recallKey", "RC-000042", "sku", "KETTLE-2L", "product", "Electric kettle 2 l", "hazard",
                "The lid can open while boiling.", "units", 3, "orders", List.of(Map.of("orderId", "#1042",
                        "storeName", "Helloword Shop", "title", "Kettle", "batches", List.of("B1"), "units", 1)),
                "remedies", List.of("REFUND"), "pageUrl", "https://shop.example/buyer/recalls/4711?t=tok", "round", 2,
                "reminder", 0));
        model.putAll(Map.of("returnKey", "RT-000042", "wanted", "REFUND", "postagePaidBy", "SELLER", "freePickup",
                false, "lastDay", "2026-12-31", "windowDays", 30, "refusalReason", "WINDOW_PASSED", "exchangeOrderId",
                "302-7654321-1234567", "startUrl", "https://shop.example/buyer/returns/start?t=tok"));
        model.putAll(Map.of("labelUrl", "https://shop.example/label.pdf", "tracking", "00340434161094042557"));
        switch (template) {
            case "parcel-quiet" -> model.put("options", List.of("WAIT_WITH_COUPON", "RESHIP", "REFUND"));
            case "recall-label" -> model.put("units", List.of("#1042 B1"));
            case "dispute-outcome" -> model.put("outcome", "ACCEPT");
            default -> {
            }
        }
        return model;
    }
}
