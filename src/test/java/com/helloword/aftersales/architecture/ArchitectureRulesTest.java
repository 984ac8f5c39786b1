package com.helloword.aftersales.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** Each architecture rule fails on the fixture's forbidden import and lets its allowed ones pass. */
class ArchitectureRulesTest {

    private static final String BASE = "com.helloword.archfixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(BASE);
    private static final ArchitectureRules RULES = new ArchitectureRules(BASE);

    private static String violations(Function<ArchitectureRules, ArchRule> rule) {
        EvaluationResult result = rule.apply(RULES).evaluate(FIXTURE);
        assertThat(result.hasViolation()).as("the rule finds the fixture's violation").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void theCoreMayNotImportACapability() {
        assertThat(violations(ArchitectureRules::coreKnowsNoCapability)).contains("CoreThing")
                .doesNotContain("Listener");
    }

    @Test
    void anAdapterMayNotImportACapabilityNotEvenItsApi() {
        assertThat(violations(ArchitectureRules::adaptersKnowNoCapability)).contains("Webhook")
                .doesNotContain("Agent");
    }

    @Test
    void aSharedServiceMayNotImportACapability() {
        assertThat(violations(ArchitectureRules::sharedServicesKnowNoCapability)).contains("Mailer");
    }

    @Test
    void capabilitiesMeetOnlyThroughTheirApi() {
        String report = violations(ArchitectureRules::capabilitiesMeetThroughTheirApi);
        assertThat(report).contains("Agent").doesNotContain("Listener");
        assertThat(report.lines()).allSatisfy(line -> assertThat(line).contains("ReturnInternals"));
    }

    @Test
    void anApiHoldsOnlyPortsAndEvents() {
        assertThat(violations(ArchitectureRules::apisAreDeclarations)).contains("NotAPort")
                .doesNotContain("ReturnPort");
    }
}
