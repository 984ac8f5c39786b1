package com.helloword.aftersales.casework.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.Severity;

class CaseTaskNamesTest {

    @Test
    void theNameStartsWithGradeCategoryAndLanguage() {
        AfterSalesCase c = new AfterSalesCase("C-1", "email", null, null, null, Instant.EPOCH);
        c.grade("SAFETY_HAZARD", Severity.RED, "de");
        assertThat(CaseTaskNames.of(c, "Answer buyer")).isEqualTo("RED · safety hazard · DE — Answer buyer");
    }

    @Test
    void aRaisedGradeReplacesTheEarlierPrefixInsteadOfAddingOne() {
        AfterSalesCase c = new AfterSalesCase("C-2", "email", null, null, null, Instant.EPOCH);
        c.grade("GENERAL", Severity.BLUE, "fr");
        String blue = CaseTaskNames.of(c, "Answer buyer");
        assertThat(blue).isEqualTo("BLUE · general · FR — Answer buyer");
        c.raiseSeverity(Severity.RED, "test");
        assertThat(CaseTaskNames.of(c, blue)).isEqualTo("RED · general · FR — Answer buyer");
    }
}
