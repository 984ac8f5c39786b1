package com.helloword.aftersales.incident;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.web.FieldProblem;

/**
 * {@code /api/incidents}: declare a batch shipment incident ({@code 201 {id}}; an empty selector, not three
 * options or any other bad field 400 with the reasons, nothing started) and follow it
 * ({@code {id, state, affectedOrders, mailed, chosen: {<remedy>: n}, executed, open}} while it runs, with the
 * summary once closed). Managers, logistics and admins; team leads may read.
 */
@RestController
class IncidentController {

    private final ShipmentIncidents service;
    private final ShipmentIncidentRepository incidents;
    private final IncidentOptionRepository options;
    private final IncidentFigures figures;
    private final ApiAccess access;

    IncidentController(ShipmentIncidents service, ShipmentIncidentRepository incidents,
            IncidentOptionRepository options, IncidentFigures figures, ApiAccess access) {
        this.service = service;
        this.incidents = incidents;
        this.options = options;
        this.figures = figures;
        this.access = access;
    }

    @PostMapping("/api/incidents")
    ResponseEntity<Map<String, Object>> declare(@RequestBody(required = false) IncidentDeclaration declaration) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.LOGISTICS);
        if (declaration == null) {
            throw RejectedIncident.badInput(List.of(FieldProblem.of("body", "is required: {selector: {carrier?,"
                    + " destinationCountry?, shippedFrom?, shippedTo?, storeIds?, trackingStatus?}, cause,"
                    + " options: [three of {remedy, amount?, percent?, currency?}], message?}")));
        }
        ShipmentIncident incident = service.declare(declaration, access.caller().userId());
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.getId()))
                .body(Map.of("id", incident.getId(), "key", incident.getKey()));
    }

    @GetMapping("/api/incidents/{id}")
    @Transactional(readOnly = true)
    Map<String, Object> incident(@PathVariable String id) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.LOGISTICS, Groups.TEAM_LEADS);
        ShipmentIncident incident = (id.matches("\\d{1,18}") ? incidents.findById(Long.valueOf(id))
                : incidents.findByKey(id)).orElseThrow(() -> RejectedIncident.notFound(id));
        IncidentFigures.Figures f = figures.of(incident.getId());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", incident.getId());
        view.put("key", incident.getKey());
        view.put("state", incident.getState().name());
        view.put("cause", incident.getCause());
        view.put("selector", incident.selector());
        view.put("options", options.findByIncidentIdOrderByOptionNo(incident.getId()).stream().map(o -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("no", o.getOptionNo());
            option.put("remedy", o.getRemedy().name());
            option.put("amount", o.getAmount());
            option.put("percent", o.getPercent());
            option.put("currency", o.getCurrency());
            return option;
        }).toList());
        view.put("declaredBy", incident.getDeclaredBy());
        view.put("declaredAt", incident.getDeclaredAt());
        view.put("reminderAt", incident.getReminderAt());
        view.put("choiceEndsAt", incident.getChoiceEndsAt());
        view.put("affectedOrders", incident.getAffectedOrders() == null ? f.affectedOrders()
                : incident.getAffectedOrders());
        view.put("skippedOrders", incident.getSkippedOrders() == null ? 0 : incident.getSkippedOrders());
        view.put("mailed", f.mailed());
        view.put("reminded", f.reminded());
        view.put("chosen", f.chosen());
        view.put("defaulted", f.defaulted());
        view.put("executed", f.executed());
        view.put("byHand", f.byHand());
        view.put("open", f.open());
        if (incident.getState() == IncidentState.CLOSED) {
            view.put("closedAt", incident.getClosedAt());
            view.put("summary", figures.summaryLine(incident.getId()));
        }
        return view;
    }
}
