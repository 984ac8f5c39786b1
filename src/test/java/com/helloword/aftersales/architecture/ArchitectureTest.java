package com.helloword.aftersales.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The map of the code (docs/architecture.md) held against the application's own classes. */
@AnalyzeClasses(packages = "com.helloword.aftersales", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("com.helloword.aftersales");

    @ArchTest
    static final ArchRule coreKnowsNoCapability = RULES.coreKnowsNoCapability();

    @ArchTest
    static final ArchRule adaptersKnowNoCapability = RULES.adaptersKnowNoCapability();

    @ArchTest
    static final ArchRule sharedServicesKnowNoCapability = RULES.sharedServicesKnowNoCapability();

    @ArchTest
    static final ArchRule capabilitiesMeetThroughTheirApi = RULES.capabilitiesMeetThroughTheirApi();

    @ArchTest
    static final ArchRule apisAreDeclarations = RULES.apisAreDeclarations();

    @ArchTest
    static final ArchRule nothingDependsOnDemo = RULES.nothingDependsOnDemo();

    /**
     * Only the engine's public API, so a move to a maintained Camunda 7 fork stays a rename. The one
     * exception names the form validation exception Camunda documents for custom validation.
     */
    @ArchTest
    static final ArchRule noEngineInternals = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.camunda..impl..", "org.camunda.bpm.engine.impl..");

    /** Persistence stays behind the capability's services: controllers do not talk to the database. */
    @ArchTest
    static final ArchRule controllersDoNotUseEntityManagers = noClasses().that().haveSimpleNameEndingWith(
            "Controller").should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager");
}
