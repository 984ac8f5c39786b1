package com.helloword.aftersales.workflow;

/**
 * Text from outside (buyers, platforms, carriers) inside the Markdown that Camunda Forms show in
 * Tasklist ({@code {{caseView}}}, {@code {{returnView}}}): its Markdown and HTML characters lose their
 * meaning, so a message cannot put links or markup into a form.
 */
public final class TaskMarkdown {

    private TaskMarkdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~', '{', '}' ->
                        out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
