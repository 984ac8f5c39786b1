package com.helloword.aftersales.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The map of the code (docs/architecture.md), as rules over a base package, so that the same rules run
 * against the application and against a small fixture that breaks each of them on purpose.
 * <ul>
 * <li>capabilities: {@link #CAPABILITIES}; each owns its entities, repositories, process glue, controllers
 * and buyer pages, and shows the others only its {@code api} package (ports and events);</li>
 * <li>the shared core {@code casefile}: stores, buyers, orders, order lines, EUR rates;</li>
 * <li>adapters {@code platform}, {@code carrier}, {@code integration} and the providers' {@code sandbox}: they
 * know no capability (webhooks call a port of their own that a capability implements);</li>
 * <li>shared services {@code notification}, {@code workflow}, {@code security}, {@code buyer}, {@code web}:
 * they know no capability either;</li>
 * <li>{@code demo} feeds the demo data in and may use anything; nothing uses it.</li>
 * </ul>
 */
final class ArchitectureRules {

    /** The process families and the capabilities around them. A new one is added here and in the docs. */
    static final List<String> CAPABILITIES = List.of("casework", "orders", "returns", "quality", "recall",
            "dispute", "incident");
    static final List<String> ADAPTERS = List.of("platform", "carrier", "integration", "sandbox");
    static final List<String> SHARED_SERVICES = List.of("notification", "workflow", "security", "buyer", "web");

    private final String base;

    ArchitectureRules(String base) {
        this.base = base;
    }

    private String[] packages(List<String> names) {
        return names.stream().map(name -> base + "." + name + "..").toArray(String[]::new);
    }

    /** The shared core depends on no capability, adapter or shared service but security. */
    ArchRule coreKnowsNoCapability() {
        return noClasses().that().resideInAPackage(base + ".casefile..").should().dependOnClassesThat()
                .resideInAnyPackage(concat(packages(CAPABILITIES), packages(ADAPTERS),
                        new String[] {base + ".notification..", base + ".workflow..", base + ".buyer..",
                                base + ".demo.."}))
                .as("the shared core (casefile) depends on no capability, adapter or service");
    }

    /** Adapters depend on no capability, not even on its api: a webhook calls a port of the adapter's own. */
    ArchRule adaptersKnowNoCapability() {
        return noClasses().that().resideInAnyPackage(packages(ADAPTERS)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(CAPABILITIES))
                .as("adapters (platform, carrier, integration, sandbox) depend on no capability");
    }

    /** Shared services depend on no capability: a capability implements their ports. */
    ArchRule sharedServicesKnowNoCapability() {
        return noClasses().that().resideInAnyPackage(packages(SHARED_SERVICES)).should().dependOnClassesThat()
                .resideInAnyPackage(packages(CAPABILITIES))
                .as("shared services (notification, workflow, security, buyer, web) depend on no capability");
    }

    /** A capability reaches another only through the other's api package (its declared ports and events). */
    ArchRule capabilitiesMeetThroughTheirApi() {
        return classes().that().resideInAnyPackage(packages(CAPABILITIES)).should(new ArchCondition<JavaClass>(
                "depend on another capability only through its api package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> own = capabilityOf(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Optional<String> other = capabilityOf(target);
                    if (other.isPresent() && !other.equals(own)
                            && !(target.equals(base + "." + other.get() + ".api")
                                    || target.startsWith(base + "." + other.get() + ".api."))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).as("capabilities depend on each other only through their api packages (ports and events)");
    }

    /** An api package holds ports and events only: interfaces, records and enums, knowing only the core. */
    ArchRule apisAreDeclarations() {
        return classes().that().resideInAnyPackage(CAPABILITIES.stream().map(name -> base + "." + name + ".api..")
                .toArray(String[]::new)).should(new ArchCondition<JavaClass>("be an interface, record or enum") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!(type.isInterface() || type.isEnum() || type.isRecord())) {
                            events.add(SimpleConditionEvent.violated(type, type.getName()
                                    + " is neither a port (interface) nor an event or value (record, enum)"));
                        }
                    }
                }).as("api packages hold ports and events only (interfaces, records, enums)");
    }

    /** Nothing but the demo loader depends on the demo. */
    ArchRule nothingDependsOnDemo() {
        return noClasses().that().resideOutsideOfPackage(base + ".demo..").should().dependOnClassesThat()
                .resideInAPackage(base + ".demo..").as("nothing depends on the demo data");
    }

    private Optional<String> capabilityOf(String packageName) {
        for (String capability : CAPABILITIES) {
            String root = base + "." + capability;
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return Optional.of(capability);
            }
        }
        return Optional.empty();
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
