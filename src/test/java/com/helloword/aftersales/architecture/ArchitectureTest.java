package com.helloword.aftersales.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
     * Who completes a task (workflow.CurrentUser): {@code IdentityService.getCurrentAuthentication()} is public API
     * but answers with an {@code impl} type, which that class alone may use, and nothing else of the internals.
     */
    static final String CURRENT_USER = "com.helloword.aftersales.workflow.CurrentUser";

    /** The deployment guard's hook into the engine (workflow.deployment), the one class using engine internals. */
    static final String DEPLOYMENT_HOOK = "com.helloword.aftersales.workflow.deployment.DeploymentGuardPlugin";

    /**
     * The Cockpit plugin (monitoring.cockpit): Camunda keeps the base class every Cockpit plugin extends,
     * {@code AbstractCockpitPlugin}, in an {@code spi.impl} package, so this class alone may extend it.
     */
    static final String COCKPIT_PLUGIN = "com.helloword.aftersales.monitoring.cockpit.AftersalesCockpitPlugin";

    /**
     * Only the engine's public API, so a move to a maintained Camunda 7 fork stays a rename. The one
     * exception is the deployment guard's hook: Camunda has no public way into a deploy command, so
     * {@link #DEPLOYMENT_HOOK} alone may use the plugin and pre-deployer types ({@link #deploymentHookInternals}).
     */
    @ArchTest
    static final ArchRule noEngineInternals = noClasses().that().doNotHaveFullyQualifiedName(DEPLOYMENT_HOOK)
            .and().doNotHaveFullyQualifiedName(CURRENT_USER).and().doNotHaveFullyQualifiedName(COCKPIT_PLUGIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..impl..", "org.camunda.bpm.engine.impl..");

    @ArchTest
    static final ArchRule currentUserInternals = noClasses().that().haveFullyQualifiedName(CURRENT_USER)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.camunda..impl..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            org.camunda.bpm.engine.impl.identity.Authentication.class))));

    /** The Cockpit plugin class uses nothing of the internals but the plugin base class it must extend. */
    @ArchTest
    static final ArchRule cockpitPluginInternals = noClasses().that().haveFullyQualifiedName(COCKPIT_PLUGIN)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.camunda..impl..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(AbstractCockpitPlugin.class))));

    /** The hook uses exactly the plugin, the engine configuration, the deployer and the deployment's resources. */
    @ArchTest
    static final ArchRule deploymentHookInternals = noClasses().that().haveFullyQualifiedName(DEPLOYMENT_HOOK)
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("org.camunda..impl..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(ProcessEnginePlugin.class,
                            ProcessEngineConfigurationImpl.class, Deployer.class, DeploymentEntity.class,
                            ResourceEntity.class))));

    /** Persistence stays behind the capability's services: controllers do not talk to the database. */
    @ArchTest
    static final ArchRule controllersDoNotUseEntityManagers = noClasses().that().haveSimpleNameEndingWith(
            "Controller").should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager");
}
