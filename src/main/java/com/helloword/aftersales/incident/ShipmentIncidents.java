package com.helloword.aftersales.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.StoreRepository;
import com.helloword.aftersales.web.FieldProblem;

/**
 * Declares batch incidents: checks the declaration field by field, keeps it with its three options and starts
 * {@code shipmentIncidentProcess} in the same transaction, so a refused declaration leaves nothing behind and an
 * accepted one always has its process.
 */
@Service
class ShipmentIncidents {

    private final ShipmentIncidentRepository incidents;
    private final IncidentOptionRepository options;
    private final StoreRepository stores;
    private final RuntimeService runtime;
    private final Clock clock;

    ShipmentIncidents(ShipmentIncidentRepository incidents, IncidentOptionRepository options, StoreRepository stores,
            RuntimeService runtime, Clock clock) {
        this.incidents = incidents;
        this.options = options;
        this.stores = stores;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** From the API: the incident and its process, or a 400 naming every problem. */
    @Transactional
    public ShipmentIncident declare(IncidentDeclaration declaration, String declaredBy) {
        ShipmentIncident incident = keep(checked(declaration, problems -> RejectedIncident.badInput(problems)),
                declaredBy);
        String instance = runtime.startProcessInstanceByKey(ShipmentIncidentProcess.PROCESS_KEY, incident.getKey(),
                Map.of(ShipmentIncidentProcess.VAR_INCIDENT_ID, incident.getId())).getId();
        incident.started(instance);
        return incident;
    }

    /** From a process started by its Tasklist form: the form is refused with every problem, the task stays open. */
    @Transactional
    public ShipmentIncident registerStarted(IncidentDeclaration declaration, String declaredBy,
            String processInstanceId) {
        ShipmentIncident incident = keep(checked(declaration, problems -> ShipmentIncidentProcess.refuse(
                problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")))),
                declaredBy);
        incident.started(processInstanceId);
        return incident;
    }

    private IncidentDeclaration.Checked checked(IncidentDeclaration declaration,
            java.util.function.Function<List<FieldProblem>, RuntimeException> refusal) {
        List<FieldProblem> problems = new ArrayList<>();
        IncidentDeclaration.Checked checked = declaration.check(stores::existsById, problems);
        if (checked == null) {
            throw refusal.apply(problems);
        }
        return checked;
    }

    private ShipmentIncident keep(IncidentDeclaration.Checked checked, String declaredBy) {
        ShipmentIncident incident = incidents.saveAndFlush(new ShipmentIncident(checked.selector(), checked.cause(),
                checked.message(), declaredBy, clock.instant()));
        incident.keyed();
        int no = 1;
        for (IncidentDeclaration.Option option : checked.options()) {
            options.save(new IncidentOption(incident.getId(), no++, option.remedy(), option.amount(),
                    option.percent(), option.currency()));
        }
        return incident;
    }
}
