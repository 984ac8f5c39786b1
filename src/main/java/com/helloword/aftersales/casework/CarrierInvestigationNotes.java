package com.helloword.aftersales.casework;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.incident.api.CarrierInvestigationAnswered;

/** The carrier's answer to an investigation opened for a case, as a staff note on the case (channel "carrier"). */
@Component
class CarrierInvestigationNotes {

    static final String CHANNEL = "carrier";

    private final AfterSalesCaseRepository cases;
    private final Clock clock;

    CarrierInvestigationNotes(AfterSalesCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void answered(CarrierInvestigationAnswered answered) {
        cases.findById(answered.caseId()).ifPresent(c -> {
            StringBuilder text = new StringBuilder(String.valueOf(answered.carrier()))
                    .append(" answered investigation ").append(answered.investigationKey());
            if (answered.carrierReference() != null) {
                text.append(" (their reference ").append(answered.carrierReference()).append(')');
            }
            text.append(": ").append(answered.state());
            if (answered.outcome() != null) {
                text.append(", ").append(answered.outcome());
            }
            text.append('.');
            if (answered.answer() != null && !answered.answer().isBlank()) {
                text.append("\n").append(answered.answer().strip());
            }
            c.addMessage(MessageDirection.INTERNAL, CHANNEL, null, "Carrier investigation " + answered.state()
                    .toLowerCase(java.util.Locale.ROOT), text.toString(), c.getLanguage(), clock.instant());
        });
    }
}
