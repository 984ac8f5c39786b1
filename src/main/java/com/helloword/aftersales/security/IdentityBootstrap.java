package com.helloword.aftersales.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.MIGRATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda identity hold the seller team's groups and what each may do, at every start and
 * idempotently (several nodes may start at once). With demo data on, adds one user per role.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

    static final String ANY = Authorization.ANY;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final boolean demo;

    IdentityBootstrap(IdentityService identityService, AuthorizationService authorizationService,
            @Value("${aftersales.demo.enabled}") boolean demo) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.demo = demo;
    }

    /** One grant: a group may do these things to this resource (ANY = every resource of the kind). */
    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Groups.GroupSpec spec : Groups.all()) {
            ensureGroup(spec);
        }
        for (Grant grant : grants()) {
            ensureGrant(grant);
        }
        for (Grant grant : retired()) {
            retire(grant);
        }
        if (demo) {
            for (DemoUsers.DemoUser user : DemoUsers.ALL) {
                ensureDemoUser(user);
            }
        }
        LOG.info("Identity ready: {} groups{}", Groups.all().size(),
                demo ? ", " + DemoUsers.ALL.size() + " demo users (password = user id)" : "");
    }

    /** The decision table agents evaluate when they choose a remedy. */
    static final String REMEDY_APPROVAL = "remedyApproval";
    /** The table of the sizes "Answer buyer" offers; evaluated as whoever's step opens the task. */
    static final String USUAL_REMEDY_SIZES = "usualRemedySizes";
    /** The return process (started and messaged by the application's use cases only). */
    static final String RETURN_PROCESS = "returnProcess";
    static final String RECALL_PROCESS = "productRecallProcess";
    static final String DISPUTE_PROCESS = "disputeArbitrationProcess";
    static final String INCIDENT_PROCESS = "shipmentIncidentProcess";

    private static List<String> disputeOpeners() {
        List<String> openers = new ArrayList<>(List.of(Groups.MANAGERS));
        Groups.DISPUTE_REGIONS.forEach(region -> openers.add(Groups.disputeSpecialists(region)));
        return openers;
    }

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Groups.GroupSpec group : Groups.all()) {
            grants.add(new Grant(group.id(), Resources.APPLICATION, "welcome", ACCESS));
            if (group.worksTasks()) {
                grants.add(new Grant(group.id(), Resources.APPLICATION, "tasklist", ACCESS));
                // names of processes and their forms in Tasklist
                grants.add(new Grant(group.id(), Resources.PROCESS_DEFINITION, ANY, READ));
                // completing "Answer buyer" asks the remedyApproval table who must approve the remedy
                grants.add(new Grant(group.id(), Resources.DECISION_DEFINITION, REMEDY_APPROVAL, READ,
                        CREATE_INSTANCE));
                // a refused approval opens "Answer buyer" again, whose form asks the usualRemedySizes table
                grants.add(new Grant(group.id(), Resources.DECISION_DEFINITION, USUAL_REMEDY_SIZES, READ,
                        CREATE_INSTANCE));
            }
        }
        for (String watcher : List.of(Groups.MANAGERS, Groups.TEAM_LEADS, Groups.RECALL_MANAGERS,
                Groups.PROCESS_DESIGNERS)) {
            grants.add(new Grant(watcher, Resources.APPLICATION, "cockpit", ACCESS));
            grants.add(new Grant(watcher, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE,
                    READ_TASK));
            grants.add(new Grant(watcher, Resources.PROCESS_INSTANCE, ANY, READ));
            grants.add(new Grant(watcher, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY));
            grants.add(new Grant(watcher, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
            grants.add(new Grant(watcher, Resources.DEPLOYMENT, ANY, READ));
            grants.add(new Grant(watcher, Resources.TASK, ANY, READ));
            grants.add(new Grant(watcher, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
            grants.add(new Grant(watcher, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                    HistoricProcessInstancePermissions.READ));
        }
        // team leads hand tasks to agents and take over stuck ones
        grants.add(new Grant(Groups.TEAM_LEADS, Resources.TASK, ANY, READ, UPDATE));
        grants.add(new Grant(Groups.TEAM_LEADS, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY,
                READ_INSTANCE, READ_TASK, UPDATE_TASK));
        // designers deploy BPMN and DMN from Camunda Modeler (checked by the deployment guard); they change
        // models, not the running cases: no start, no instance changes, no task work
        grants.add(new Grant(Groups.PROCESS_DESIGNERS, Resources.DEPLOYMENT, ANY, READ, CREATE, DELETE));
        grants.add(new Grant(Groups.PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, ANY, READ, UPDATE, DELETE,
                READ_HISTORY, READ_INSTANCE, READ_TASK, ProcessDefinitionPermissions.SUSPEND));
        grants.add(new Grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_DEFINITION, ANY, ALL));
        grants.add(new Grant(Groups.PROCESS_DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, ALL));
        // recall managers start a recall from its Tasklist start form (the first step checks the form like the API)
        grants.add(new Grant(Groups.RECALL_MANAGERS, Resources.PROCESS_DEFINITION, RECALL_PROCESS, READ,
                CREATE_INSTANCE));
        grants.add(new Grant(Groups.RECALL_MANAGERS, Resources.PROCESS_INSTANCE, ANY, CREATE));
        // dispute specialists and managers open a dispute from its Tasklist start form (the first step checks the
        // form like the API and refuses an order already in dispute)
        for (String opener : disputeOpeners()) {
            grants.add(new Grant(opener, Resources.PROCESS_DEFINITION, DISPUTE_PROCESS, READ, CREATE_INSTANCE));
            grants.add(new Grant(opener, Resources.PROCESS_INSTANCE, ANY, CREATE));
        }
        // managers and logistics declare a batch shipment incident from its Tasklist start form (the first step
        // checks the form like POST /api/incidents)
        for (String declarer : List.of(Groups.MANAGERS, Groups.LOGISTICS)) {
            grants.add(new Grant(declarer, Resources.PROCESS_DEFINITION, INCIDENT_PROCESS, READ, CREATE_INSTANCE));
            grants.add(new Grant(declarer, Resources.PROCESS_INSTANCE, ANY, CREATE));
        }

        // No other group starts a process through the engine: processes start through the application's use cases
        // (intake, POST /api/returns, the quality alert), which check the caller and then act as the
        // application. A start form meant for a group is the only reason to grant CREATE_INSTANCE.
        // Service accounts (integrations) hold no engine rights at all.
        return grants;
    }

    /**
     * Permissions earlier versions granted and that must be gone (a database keeps its grants): service
     * accounts reached the engine, agents and the warehouse started and moved returns, designers could do
     * everything to running instances. Removed at every start (what else such a grant holds stays).
     */
    static List<Grant> retired() {
        List<Grant> retired = new ArrayList<>();
        retired.add(new Grant(Groups.INTEGRATIONS, Resources.PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE,
                READ_INSTANCE, UPDATE_INSTANCE));
        retired.add(new Grant(Groups.INTEGRATIONS, Resources.PROCESS_INSTANCE, ANY, CREATE, READ, UPDATE));
        retired.add(new Grant(Groups.INTEGRATIONS, Resources.DECISION_DEFINITION, ANY, READ, CREATE_INSTANCE));
        for (Groups.GroupSpec group : Groups.all()) {
            if (group.id().startsWith("agents-") || group.id().equals(Groups.TEAM_LEADS)) {
                retired.add(new Grant(group.id(), Resources.PROCESS_DEFINITION, RETURN_PROCESS, CREATE_INSTANCE));
                retired.add(new Grant(group.id(), Resources.PROCESS_INSTANCE, ANY, CREATE));
            }
        }
        retired.add(new Grant(Groups.WAREHOUSE, Resources.PROCESS_DEFINITION, RETURN_PROCESS, READ_INSTANCE,
                UPDATE_INSTANCE));
        retired.add(new Grant(Groups.PROCESS_DESIGNERS, Resources.PROCESS_DEFINITION, ANY, CREATE_INSTANCE,
                UPDATE_INSTANCE, DELETE_INSTANCE, MIGRATE_INSTANCE, UPDATE_TASK, TASK_WORK, TASK_ASSIGN,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE));
        return retired;
    }

    private void retire(Grant grant) {
        Authorization authorization = findGrant(grant);
        if (authorization == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : grant.permissions()) {
            if (authorization.isPermissionGranted(permission)) {
                authorization.removePermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        try {
            authorizationService.saveAuthorization(authorization);
        } catch (ProcessEngineException e) {
            Authorization now = findGrant(grant);
            requireCreatedElsewhere(now == null || java.util.Arrays.stream(grant.permissions())
                    .noneMatch(now::isPermissionGranted), e);
        }
    }

    private void ensureGroup(Groups.GroupSpec spec) {
        if (identityService.createGroupQuery().groupId(spec.id()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(spec.id());
        group.setName(spec.name());
        group.setType("WORKFLOW");
        try {
            identityService.saveGroup(group);
        } catch (ProcessEngineException e) {
            requireCreatedElsewhere(identityService.createGroupQuery().groupId(spec.id()).count() > 0, e);
        }
    }

    private void ensureGrant(Grant grant) {
        Authorization existing = findGrant(grant);
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (hasAll(existing, grant.permissions())) {
            return;
        }
        for (Permission permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        try {
            authorizationService.saveAuthorization(authorization);
        } catch (ProcessEngineException e) {
            Authorization now = findGrant(grant);
            requireCreatedElsewhere(now != null && hasAll(now, grant.permissions()), e);
        }
    }

    private Authorization findGrant(Grant grant) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .list().stream().findFirst().orElse(null);
    }

    private static boolean hasAll(Authorization authorization, Permission... permissions) {
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                return false;
            }
        }
        return true;
    }

    private void ensureDemoUser(DemoUsers.DemoUser demoUser) {
        if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
            User user = identityService.newUser(demoUser.id());
            user.setFirstName(demoUser.firstName());
            user.setLastName(demoUser.lastName());
            user.setEmail(demoUser.id() + "@helloword.example");
            user.setPassword(demoUser.id());
            try {
                identityService.saveUser(user);
            } catch (ProcessEngineException e) {
                requireCreatedElsewhere(identityService.createUserQuery().userId(demoUser.id()).count() > 0, e);
            }
        }
        for (String groupId : demoUser.groups()) {
            if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count() == 0) {
                try {
                    identityService.createMembership(demoUser.id(), groupId);
                } catch (ProcessEngineException e) {
                    requireCreatedElsewhere(identityService.createUserQuery().userId(demoUser.id())
                            .memberOfGroup(groupId).count() > 0, e);
                }
            }
        }
    }

    /** Another node starting at the same moment may have won the race; anything else is a real failure. */
    private static void requireCreatedElsewhere(boolean createdElsewhere, ProcessEngineException e) {
        if (!createdElsewhere) {
            throw e;
        }
    }
}
