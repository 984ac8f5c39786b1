package com.helloword.aftersales.casework.escalation;

import java.util.Locale;

import com.helloword.aftersales.casework.AfterSalesCase;

/**
 * The name a case's task carries in Tasklist's list, so that a team reads the case at a glance:
 * "RED · safety hazard · DE — Answer buyer" (severity, category, the buyer's language, then the
 * task's own name from the diagram). Built from the case file's grade, so a raised grade renames the
 * open task; nothing personal goes into it.
 */
final class CaseTaskNames {

    static final String SEPARATOR = " — ";

    private CaseTaskNames() {
    }

    /**
     * The task's name for the case; {@code taskName} is the diagram's name or a name this method gave
     * before (its prefix is replaced, not repeated).
     */
    static String of(AfterSalesCase c, String taskName) {
        String base = taskName == null ? "" : taskName;
        int earlier = base.lastIndexOf(SEPARATOR);
        if (earlier >= 0) {
            base = base.substring(earlier + SEPARATOR.length());
        }
        StringBuilder name = new StringBuilder();
        name.append(c.getSeverity() == null ? "?" : c.getSeverity().name());
        if (c.getCategory() != null) {
            name.append(" · ").append(c.getCategory().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (c.getLanguage() != null) {
            name.append(" · ").append(c.getLanguage().toUpperCase(Locale.ROOT));
        }
        return name.append(SEPARATOR).append(base).toString();
    }
}
