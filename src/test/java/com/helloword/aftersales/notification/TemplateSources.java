package com.helloword.aftersales.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source of a template (mail or page) and the parts a translation must keep from the English original, for the
 * template tests that compare languages.
 */
final class TemplateSources {

    static final Pattern HTML_TAG = Pattern.compile("<(/?[a-z][a-z0-9]*)[\\s>]");

    private TemplateSources() {
    }

    /** {@code templates/<template>/<language>.ftlh}, e.g. {@code mail/incident-notice}; fails when missing. */
    static String source(String template, String language) throws IOException {
        String path = "/templates/" + template + "/" + language + ".ftlh";
        try (InputStream in = TemplateSources.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every first group of the pattern, spaces folded. */
    static Set<String> all(Pattern pattern, String source) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1).replaceAll("\\s+", " "));
        }
        return found;
    }

    /** The HTML elements, counted; their order may differ where a language orders a sentence differently. */
    static List<String> tags(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = HTML_TAG.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        found.sort(null);
        return found;
    }
}
