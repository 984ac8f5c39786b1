package com.helloword.aftersales.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static com.helloword.aftersales.incident.ShipmentIncidentProcess.*;

/**
 * The steps of the incident processes ({@code ${incidentSteps.<step>(execution)}}): each reads the ids it needs,
 * calls one use case, and writes small results back.
 */
@Component("incidentSteps")
class IncidentSteps {

    /** The Tasklist start form's fields (bpmn/forms/declare-shipment-incident.form). */
    static final List<String> FORM_FIELDS = List.of("carrier", "selectorCountry", "shippedFrom", "shippedTo",
            "storeIds", "trackingStatus", "message", "option1Remedy", "option1Amount", "option1Percent",
            "option1Currency", "option2Remedy", "option2Amount", "option2Percent", "option2Currency", "option3Remedy",
            "option3Amount", "option3Percent", "option3Currency");

    private final ShipmentIncidents service;
    private final ShipmentIncidentRepository incidents;
    private final IncidentFanOut fanOut;
    private final IncidentRemedies remedies;
    private final IncidentFigures figures;
    private final java.time.Clock clock;

    IncidentSteps(ShipmentIncidents service, ShipmentIncidentRepository incidents, IncidentFanOut fanOut,
            IncidentRemedies remedies, IncidentFigures figures, java.time.Clock clock) {
        this.service = service;
        this.incidents = incidents;
        this.fanOut = fanOut;
        this.remedies = remedies;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * The incident of the instance: declared through the API (incidentId set), or from the start form's fields,
     * which are checked as the API checks them (a refusal keeps the form open with the reasons) and then removed.
     */
    @Transactional
    public void register(DelegateExecution execution) {
        ShipmentIncident incident;
        if (execution.hasVariable(VAR_INCIDENT_ID)) {
            incident = incident(execution);
        } else {
            String declaredBy = text(execution, VAR_DECLARED_BY);
            incident = service.registerStarted(fromForm(execution), declaredBy == null ? "tasklist" : declaredBy,
                    execution.getProcessInstanceId());
            FORM_FIELDS.forEach(execution::removeVariable);
            execution.setVariable(VAR_INCIDENT_ID, incident.getId());
        }
        execution.setProcessBusinessKey(incident.getKey());
        execution.setVariable(VAR_INCIDENT_KEY, incident.getKey());
        execution.setVariable(VAR_CAUSE, incident.getCause());
        execution.setVariable(VAR_DESTINATION_COUNTRY, incident.selector().destinationCountry());
    }

    private static IncidentDeclaration fromForm(DelegateExecution execution) {
        List<IncidentDeclaration.OptionInput> options = new ArrayList<>();
        for (int no = 1; no <= IncidentDeclaration.OPTIONS; no++) {
            options.add(new IncidentDeclaration.OptionInput(text(execution, "option" + no + "Remedy"),
                    execution.getVariable("option" + no + "Amount"), execution.getVariable("option" + no + "Percent"),
                    text(execution, "option" + no + "Currency")));
        }
        String stores = text(execution, "storeIds");
        return new IncidentDeclaration(new IncidentDeclaration.SelectorInput(text(execution, "carrier"),
                text(execution, "selectorCountry"), text(execution, "shippedFrom"), text(execution, "shippedTo"),
                stores == null || stores.isBlank() ? List.of()
                        : Arrays.stream(stores.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                text(execution, "trackingStatus")), text(execution, VAR_CAUSE), options, text(execution, "message"));
    }

    /** The incidentFollowUp table's answer: when to remind and when the choice closes, from the declaration. */
    @Transactional
    public void followUpDecided(DelegateExecution execution) {
        ShipmentIncident incident = incident(execution);
        @SuppressWarnings("unchecked")
        Map<String, Object> followUp = (Map<String, Object>) execution.getVariable(VAR_FOLLOW_UP);
        if (followUp == null) {
            throw new IllegalStateException("Decision table " + FOLLOW_UP_DECISION + " gave no answer for cause "
                    + incident.getCause());
        }
        Duration reminder = duration(followUp, "reminderAfter");
        Duration window = duration(followUp, "choiceWindow");
        if (!reminder.minus(window).isNegative()) {
            throw new IllegalStateException("Decision table " + FOLLOW_UP_DECISION + ": reminderAfter " + reminder
                    + " must be shorter than choiceWindow " + window);
        }
        Instant declared = incident.getDeclaredAt();
        incident.followUp(declared.plus(reminder), declared.plus(window), (String) followUp.get("defaultPreference"));
        execution.setVariable(VAR_REMINDER_AT, incident.getReminderAt().toString());
        execution.setVariable(VAR_CHOICE_ENDS_AT, incident.getChoiceEndsAt().toString());
        execution.removeVariable(VAR_FOLLOW_UP);
    }

    private static Duration duration(Map<String, Object> followUp, String name) {
        Object value = followUp.get(name);
        try {
            Duration duration = Duration.parse(String.valueOf(value));
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalStateException("Decision table " + FOLLOW_UP_DECISION + ": " + name
                        + " must be longer than zero, not " + value);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Decision table " + FOLLOW_UP_DECISION + ": " + name + " '" + value
                    + "' is not an ISO-8601 duration such as PT6H", e);
        }
    }

    public void findAffectedOrders(DelegateExecution execution) {
        execution.setVariable(VAR_AFFECTED, fanOut.findAffectedOrders(id(execution)));
    }

    public void mailBuyers(DelegateExecution execution) {
        fanOut.startChunks(id(execution), ROUND_NOTICE);
    }

    public void remindBuyers(DelegateExecution execution) {
        fanOut.startChunks(id(execution), ROUND_REMINDER);
    }

    public void giveDefaultRemedies(DelegateExecution execution) {
        fanOut.startChunks(id(execution), ROUND_DEFAULT);
    }

    public void runChunk(DelegateExecution execution) {
        fanOut.runChunk(id(execution), ((Number) execution.getVariable(VAR_CHUNK_NO)).intValue(),
                ((Number) execution.getVariable(VAR_ROUND)).intValue());
    }

    public void countOpenRemedies(DelegateExecution execution) {
        execution.setVariable(VAR_OPEN, figures.open(id(execution)));
    }

    /** The summary, kept on the incident and as a variable that Cockpit shows on the instance. */
    @Transactional
    public void close(DelegateExecution execution) {
        ShipmentIncident incident = incident(execution);
        incident.closed(clock.instant());
        execution.setVariable(VAR_SUMMARY, figures.summaryLine(incident.getId()));
    }

    /** The remedy of one order; when people must carry it out, who and what. */
    public void carryOutRemedy(DelegateExecution execution) {
        IncidentRemedies.Outcome outcome = remedies.carryOut(
                ((Number) execution.getVariable(VAR_INCIDENT_ORDER_ID)).longValue());
        execution.setVariable(VAR_BY_HAND_GROUP, outcome.byHandGroup());
        execution.setVariable(VAR_BY_HAND_NOTE, outcome.note());
    }

    public void doneByHand(DelegateExecution execution) {
        remedies.doneByHand(((Number) execution.getVariable(VAR_INCIDENT_ORDER_ID)).longValue(),
                text(execution, VAR_PLATFORM_REF));
    }

    private ShipmentIncident incident(DelegateExecution execution) {
        return incidents.findById(id(execution)).orElseThrow(() -> new IllegalStateException("No incident "
                + execution.getVariable(VAR_INCIDENT_ID)));
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_INCIDENT_ID)).longValue();
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
