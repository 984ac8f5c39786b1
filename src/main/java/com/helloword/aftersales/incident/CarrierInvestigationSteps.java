package com.helloword.aftersales.incident;

import java.time.Clock;

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
 * ({@link CarrierInvestigationAnswered}, which case work notes as a staff message). Variables: investigationId,
 * caseId, pollEvery (ISO duration), answered.
 */
@Component("carrierInvestigation")
public class CarrierInvestigationSteps {

    public static final String PROCESS_KEY = "carrierInvestigationProcess";
    static final String VAR_INVESTIGATION_ID = "investigationId";
    static final String VAR_CASE_ID = "caseId";
    static final String VAR_POLL_EVERY = "pollEvery";
    static final String VAR_ANSWERED = "answered";
    static final String REASON = "DELIVERED_NOT_RECEIVED";

    private final CarrierInvestigationRepository investigations;
    private final SalesOrderRepository orders;
    private final CarrierInvestigationPort carrier;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CarrierInvestigationSteps(CarrierInvestigationRepository investigations, SalesOrderRepository orders,
            CarrierInvestigationPort carrier, ApplicationEventPublisher publisher, Clock clock) {
        this.investigations = investigations;
        this.orders = orders;
        this.carrier = carrier;
        this.publisher = publisher;
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
        if (investigation.getCarrierReference() != null) {
            return;
        }
        SalesOrder order = orders.findById(investigation.getOrderId()).orElseThrow();
        CarrierInvestigationPort.Opened opened = carrier.open(new InvestigationRequest(
                investigation.getTrackingNumber(), REASON, order.getDeliveredAt(), order.getDestinationCountry(),
                null, investigation.getCaseKey(), investigation.getInvestigationKey()));
        investigation.opened(opened.reference(), clock.instant());
    }

    /** The carrier's answer so far: {@code answered} once it answered or closed the investigation. */
    @Transactional
    public void readAnswer(DelegateExecution execution) {
        CarrierInvestigation investigation = investigation(execution);
        Answer answer = carrier.status(investigation.getCarrierReference());
        boolean over = answer.state() != CarrierInvestigationPort.State.OPEN;
        if (over && investigation.isOpen()) {
            investigation.answered(answer.state().name(), answer.outcome(), answer.text(),
                    answer.answeredAt() == null ? clock.instant() : answer.answeredAt());
        }
        execution.setVariable(VAR_ANSWERED, over);
    }

    /** The answer goes to the case (a staff note, written by case work in this transaction). */
    @Transactional
    public void noteAnswer(DelegateExecution execution) {
        CarrierInvestigation i = investigation(execution);
        publisher.publishEvent(new CarrierInvestigationAnswered(i.getInvestigationKey(), i.getCaseId(),
                i.getCaseKey(), i.getCarrier(), i.getCarrierReference(), i.getStatus(), i.getOutcome(),
                i.getAnswer(), i.getAnsweredAt()));
    }
}
