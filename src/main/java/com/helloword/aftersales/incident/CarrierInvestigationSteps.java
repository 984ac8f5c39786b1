package com.helloword.aftersales.incident;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.carrier.CarrierInvestigationPort;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.Answer;
import com.helloword.aftersales.carrier.CarrierInvestigationPort.InvestigationRequest;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.incident.api.CarrierInvestigationAnswered;

/**
 * The steps of {@code carrierInvestigationProcess} ({@code ${carrierInvestigation.<step>(execution)}}): open the
 * investigation at the carrier, read its answer every {@code pollEvery}, and put the answer on the case
 * ({@link CarrierInvestigationAnswered}, which case work notes as a staff message); a carrier silent for
 * {@code aftersales.incidents.delivery.give-up-after} since the investigation opened is given up on (UNANSWERED),
 * and the case is told so the same way. Variables: investigationId, caseId, pollEvery (ISO duration), answered,
 * gaveUp.
 */
@Component("carrierInvestigation")
public class CarrierInvestigationSteps {

    public static final String PROCESS_KEY = "carrierInvestigationProcess";
    static final String VAR_INVESTIGATION_ID = "investigationId";
    static final String VAR_CASE_ID = "caseId";
    static final String VAR_POLL_EVERY = "pollEvery";
    static final String VAR_ANSWERED = "answered";
    static final String VAR_GAVE_UP = "gaveUp";
    static final String UNANSWERED = "UNANSWERED";
    static final String REASON = "DELIVERED_NOT_RECEIVED";

    private final CarrierInvestigationRepository investigations;
    private final SalesOrderRepository orders;
    private final CarrierInvestigationPort carrier;
    private final ApplicationEventPublisher publisher;
    private final DeliveryInvestigationSettings settings;
    private final Clock clock;

    CarrierInvestigationSteps(CarrierInvestigationRepository investigations, SalesOrderRepository orders,
            CarrierInvestigationPort carrier, ApplicationEventPublisher publisher,
            DeliveryInvestigationSettings settings, Clock clock) {
        this.investigations = investigations;
        this.orders = orders;
        this.carrier = carrier;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    private CarrierInvestigation investigation(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(VAR_INVESTIGATION_ID)).longValue();
        return investigations.findById(id).orElseThrow(() -> new IllegalStateException("No investigation " + id));
    }

    /** Asks the carrier to investigate (idempotent on the investigation key, so a retried job opens nothing twice). */
    @Transactional
    public void open(DelegateExecution execution) {
        CarrierInvestigation investigation = investigation(execution);
        execution.setVariable(VAR_ANSWERED, false);
        execution.setVariable(VAR_GAVE_UP, false);
        if (investigation.getCarrierReference() != null) {
            return;
        }
        SalesOrder order = orders.findById(investigation.getOrderId()).orElseThrow();
        CarrierInvestigationPort.Opened opened = carrier.open(new InvestigationRequest(
                investigation.getTrackingNumber(), REASON, order.getDeliveredAt(), order.getDestinationCountry(),
                null, investigation.getCaseKey(), investigation.getInvestigationKey()));
        investigation.opened(opened.reference(), clock.instant());
    }

    /**
     * The carrier's answer so far: {@code answered} once it answered or closed the investigation; {@code gaveUp}
     * when it is still open {@code give-up-after} since it was opened.
     */
    @Transactional
    public void readAnswer(DelegateExecution execution) {
        CarrierInvestigation investigation = investigation(execution);
        Answer answer = carrier.status(investigation.getCarrierReference());
        boolean over = answer.state() != CarrierInvestigationPort.State.OPEN;
        Instant now = clock.instant();
        boolean giveUp = !over && investigation.getOpenedAt() != null
                && !now.isBefore(investigation.getOpenedAt().plus(settings.giveUpAfter()));
        if (over && investigation.isOpen()) {
            investigation.answered(answer.state().name(), answer.outcome(), answer.text(),
                    answer.answeredAt() == null ? now : answer.answeredAt());
        } else if (giveUp && investigation.isOpen()) {
            investigation.answered(UNANSWERED, null, investigation.getCarrier() + " gave no answer within "
                    + settings.giveUpAfter().toDays() + " days of opening the investigation; chase it by hand"
                    + " under their reference " + investigation.getCarrierReference() + ".", now);
        }
        execution.setVariable(VAR_ANSWERED, over);
        execution.setVariable(VAR_GAVE_UP, giveUp);
    }

    /** The answer, or that none came, goes to the case (a staff note, written by case work in this transaction). */
    @Transactional
    public void noteAnswer(DelegateExecution execution) {
        CarrierInvestigation i = investigation(execution);
        publisher.publishEvent(new CarrierInvestigationAnswered(i.getInvestigationKey(), i.getCaseId(),
                i.getCaseKey(), i.getCarrier(), i.getCarrierReference(), i.getStatus(), i.getOutcome(),
                i.getAnswer(), i.getAnsweredAt()));
    }
}
