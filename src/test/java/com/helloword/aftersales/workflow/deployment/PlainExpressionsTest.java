package com.helloword.aftersales.workflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a model may hold, and those it may not, with the reason each refusal gives. */
class PlainExpressionsTest {

    private static final Set<String> BEANS = Set.of("identityService", "runtimeService", "systemProperties",
            "returnSteps", "closeCaseDelegate", "caseTaskListener");
    private static final PlainExpressions EXPRESSIONS = new PlainExpressions(new ModelAllowList(
            Set.of("closeCaseDelegate", "caseTaskListener"),
            Map.of("returnSteps", Map.of("close", Set.of(2), "refundWarnAt", Set.of(1), "late", Set.of(2))),
            BEANS::contains));

    @ParameterizedTest
    @ValueSource(strings = {
            "team-leads", "R2/PT1M", "90",
            "${candidateGroup}", "#{candidateGroup}", "${!arbitrationStarted}",
            "${severity == 'RED' && !teamOpen}", "${rating < 4}", "${outcome == 'REFUND' || outcome == 'PARTIAL_REFUND'}",
            "${manualStepGroup != null}", "${empty note}", "${not a and b}", "${a > 2 ? 'x' : \"y\"}",
            "${(a + 1) * 2 >= b / 3 - c % 2}", "${a eq 'b' or c ne 1.5e3}", "${a le -2 || b ge .5 && c lt 1 || d gt 0}",
            "${x div 2 mod 3 == 0}", "${'a}b' == x}", "${x == 'it\\'s'}",
            "Case ${caseKey}: ${severity} ${category}", "Return ${returnKey}: due ${planDue}.",
            "${returnSteps.close(execution, 'REFUSED')}", "${returnSteps.close(execution, null)}",
            "${returnSteps.refundWarnAt(execution)}", "${returnSteps.late(execution, 'label')}",
            "${execution.getVariable('unansweredFollowUp') == true}", "${execution.hasVariable(\"kbArticle\")}"})
    void accepted(String text) {
        assertThat(EXPRESSIONS.problem(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "${identityService.createMembership('dora','camunda-admin')} | calls identityService.createMembership(...), which is not one of the application's steps (returnSteps.close, returnSteps.late, returnSteps.refundWarnAt)",
            "${execution.getClass().forName('java.lang.System').getProperty('user.home')} | calls execution.getClass(...)",
            "${execution.class.classLoader} | reads execution.class, a property",
            "${caseKey.class.classLoader.parent} | reads caseKey.class, a property",
            "${caseKey.getClass()} | calls caseKey.getClass(...), which is not one of the application's steps",
            "${''.getClass()} | reads a property of a value",
            "${(execution).processEngine} | uses the engine's execution",
            "${returnSteps.getClass()} | calls returnSteps.getClass(...), which is not one",
            "${returnSteps.close(execution, 'A').class} | reads a property of a value",
            "${returnSteps.close(execution)} | calls returnSteps.close(...), which is not one",
            "${returnSteps.close(execution, outcome)} | has \"outcome\" as an argument",
            "${returnSteps.close('A', execution)} | without execution as its first argument",
            "${returnSteps.close(execution, identityService.newUser('x'))} | has \"identityService\" as an argument",
            "${execution.getVariable(name)} | has \"name\" as an argument",
            "${execution.getVariable('a', 'b')} | takes one variable name in quotes",
            "${execution.setVariable('a', 1)} | calls execution.setVariable(...)",
            "${systemProperties['user.home']} | reads systemProperties[...]",
            "${identityService} | names the application's bean identityService",
            "${caseTaskListener} | names the application's bean caseTaskListener",
            "${execution} | uses the engine's execution",
            "${task} | uses the engine's task",
            "${authenticatedUserId} | uses the engine's authenticatedUserId",
            "${now()} | calls the function now()",
            "${fn:exec('id')} | calls the function fn:exec()",
            "${x = 1} | has \"=\"",
            "${x -> x} | has \"->\"",
            "${a; b} | has \";\"",
            "${[1, 2]} | has \"[\" where a value should be",
            "${{'a': 1}} | has \"{\"",
            "${'open} | has a string that does not end",
            "${a | does not end",
            "${} | ends where a value should be",
            "${a b} | has \"b\" where the expression should end",
            "${x instanceof y} | has \"instanceof\" where the expression should end",
            "Case ${caseKey}: #{runtimeService.createMessageCorrelation('x')} | \"#{runtimeService.createMessageCorrelation('x')}\" calls runtimeService.createMessageCorrelation(...)"})
    void refusedWithTheReason(String text, String reason) {
        assertThat(EXPRESSIONS.problem(text)).as(text).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }
}
