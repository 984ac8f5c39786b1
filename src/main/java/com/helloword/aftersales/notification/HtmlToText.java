package com.helloword.aftersales.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text alternative of our own mail HTML: paragraphs and line breaks become new lines,
 * list items dashes, links "text (url)", every other tag goes, entities are decoded. Meant for the
 * simple markup of {@code templates/mail}, not for arbitrary web pages.
 */
public final class HtmlToText {

    private static final Pattern HEAD = Pattern.compile(
            "(?is)<head.*?</head>|<style.*?</style>|<script.*?</script>|<!--.*?-->");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|table|ul|ol)>");
    private static final Pattern LINE_END = Pattern.compile("(?i)</tr>|<br\\s*/?>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private HtmlToText() {
    }

    public static String convert(String html) {
        String text = HEAD.matcher(html).replaceAll("");
        Matcher links = LINK.matcher(text);
        StringBuilder withLinks = new StringBuilder();
        while (links.find()) {
            String label = links.group(2);
            String url = links.group(1);
            links.appendReplacement(withLinks, Matcher.quoteReplacement(
                    TAG.matcher(label).replaceAll("").equals(url) ? url : label + " (" + url + ")"));
        }
        links.appendTail(withLinks);
        text = BLOCK_END.matcher(withLinks).replaceAll("\n\n");
        text = LINE_END.matcher(text).replaceAll("\n");
        text = ITEM.matcher(text).replaceAll("\n- ");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
            if (!stripped.isEmpty() || !out.isEmpty() && !out.toString().endsWith("\n\n")) {
                out.append(stripped).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    private static String decode(String text) {
        Matcher numeric = NUMERIC.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
