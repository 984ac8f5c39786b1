package com.helloword.aftersales;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.helloword.aftersales", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Only the engine's public API, so a move to a maintained Camunda 7 fork stays a rename. The one
     * exception names the form validation exception Camunda documents for custom validation.
     */
    @ArchTest
    static final ArchRule noEngineInternals = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("org.camunda..impl..", "org.camunda.bpm.engine.impl..");

    /** The case file is the core: it knows no web layer, security, demo or notification code. */
    @ArchTest
    static final ArchRule caseFileIsTheCore = noClasses().that()
            .resideInAPackage("com.helloword.aftersales.casefile..")
            .should().dependOnClassesThat().resideInAnyPackage("com.helloword.aftersales.demo..",
                    "com.helloword.aftersales.notification..", "com.helloword.aftersales.web..");

    /** Demo data is fed in from outside; nothing depends on it. */
    @ArchTest
    static final ArchRule nothingDependsOnDemo = noClasses().that()
            .resideOutsideOfPackage("com.helloword.aftersales.demo..")
            .should().dependOnClassesThat().resideInAPackage("com.helloword.aftersales.demo..");

    /** Persistence stays behind the capability's services: controllers do not talk to the database. */
    @ArchTest
    static final ArchRule controllersDoNotUseEntityManagers = noClasses().that().haveSimpleNameEndingWith(
            "Controller").should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager");
}
