package com.helloword.aftersales.workflow.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.stereotype.Component;

/**
 * The one place that touches the engine's internals (the architecture test allows this class alone): Camunda
 * offers no public hook into a deployment, so the {@link DeploymentGuard} runs as the first pre-deployer,
 * inside every deploy command (REST {@code /deployment/create} and {@code /redeploy}, Modeler, the webapps, the
 * Spring Boot auto-deployment, {@code RepositoryService}) and before any parser. A refusal rolls the
 * deployment back. Deployments read back into the cache ({@code isNew() == false}) were checked when made.
 */
@Component
class DeploymentGuardPlugin implements ProcessEnginePlugin, Deployer {

    private final DeploymentGuard guard;

    DeploymentGuardPlugin(DeploymentGuard guard) {
        this.guard = guard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(this);
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
        guard.check(resources);
    }
}
