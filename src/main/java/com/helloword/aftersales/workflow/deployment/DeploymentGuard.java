package com.helloword.aftersales.workflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.stereotype.Component;

/**
 * What a deployment may hold, checked before the engine parses it (issue 18: a designer's model ran
 * {@code identityService.createMembership} as the engine). Designers change our models freely, within what the
 * element templates offer: the application's delegates, listeners and steps, its decisions and forms, plain
 * variable conditions (see {@link PlainExpressions}). Resources: BPMN ({@code .bpmn}, {@code .bpmn20.xml}), DMN
 * ({@code .dmn}, {@code .dmn11.xml}) and Camunda Forms ({@code .form}); nothing else, no HTML form nor script.
 * There is no exemption, not for {@code camunda-admin} nor for the auto-deployment: new code comes with a
 * release, and its beans are allowed by being there.
 */
@Component
public class DeploymentGuard {

    private static final int MAX_LISTED = 10;

    private final java.util.function.Supplier<ModelAllowList> allowList;
    private volatile BpmnCheck bpmn;

    @Autowired
    DeploymentGuard(ConfigurableListableBeanFactory beans) {
        // read on the first deployment, when every bean is defined; instantiating none of them
        this.allowList = () -> ModelAllowList.fromBeans(beans, AutoConfigurationPackages.get(beans));
    }

    private DeploymentGuard(ModelAllowList allowList) {
        this.allowList = () -> allowList;
    }

    static DeploymentGuard allowing(ModelAllowList allowList) {
        return new DeploymentGuard(allowList);
    }

    /** Refuses the deployment with every problem found (resource, element id, what is not allowed). */
    public void check(Map<String, byte[]> resources) {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, content) -> problems.addAll(problems(name, content)));
        if (problems.isEmpty()) {
            return;
        }
        List<String> listed = problems.size() > MAX_LISTED ? problems.subList(0, MAX_LISTED) : problems;
        throw new BadUserRequestException("Deployment refused: a model may use only what the element templates"
                + " offer (the application's delegates and steps, its decisions and forms, plain variable"
                + " conditions). " + String.join("; ", listed)
                + (problems.size() > listed.size() ? "; and " + (problems.size() - listed.size()) + " more" : ""));
    }

    /** Every problem of one resource; empty when it may be deployed. */
    List<String> problems(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        byte[] bytes = content == null ? new byte[0] : content;
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return bpmn().problems(name, bytes);
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return DmnCheck.problems(name, bytes);
        }
        if (lower.endsWith(".form")) {
            return FormCheck.problems(name, bytes);
        }
        return List.of(name + ": only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) may be deployed;"
                + " HTML forms, scripts and other files may not");
    }

    private BpmnCheck bpmn() {
        BpmnCheck current = bpmn;
        if (current == null) {
            current = new BpmnCheck(allowList.get());
            bpmn = current;
        }
        return current;
    }
}
