package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.CaseNotes.note;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casefile.EurRates;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * Who approves the remedy the agent chose. The process asks the remedyApproval table itself
 * ({@code businessRuleTask_decideApproval}, so Modeler and Cockpit show the decision); this class only
 * reads the table's inputs from the case file before it (never from variables a task completion could
 * set, such as a forged {@code orderValueEur}), and afterwards turns the table's answer into the
 * approver group, or refuses what the table says nobody may approve with the table's own reason. The
 * limits themselves (the 150 %, the coupon cap, the region of a marketplace) live only in the table.
 */
@Service
class RemedyApprovals {

    /** The table's answers the process and the case file know. */
    static final String AGENT = "AGENT";
    static final String TEAM_LEAD = "TEAM_LEAD";
    static final String DISPUTE_SPECIALIST = "DISPUTE_SPECIALIST";
    static final String NOT_ALLOWED = "NOT_ALLOWED";

    /** What remedyApproval answered: approval, the approver's region (disputeRegion) and why it refuses. */
    record Answer(String approval, String region, String reason) {

        static Answer of(Map<?, ?> result) {
            return new Answer(text(result.get("approval")), text(result.get("region")), text(result.get("reason")));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final EurRates rates;
    private final Clock clock;

    RemedyApprovals(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, EurRates rates, Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * The remedyApproval table's inputs for the case's remedy waiting for approval, from the case file:
     * remedy, percent, couponEur, orderValueEur (the order in EUR) and marketplaceCountry (for the
     * disputeRegion decision it requires).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> inputs(String caseKey) {
        CaseRemedy remedy = proposed(caseOf(caseKey).getId());
        AfterSalesCase c = remedy.getAfterSalesCase();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(EmergencyAfterSales.VAR_REMEDY, remedy.getRemedy().name());
        inputs.put(EmergencyAfterSales.VAR_APPROVAL_PERCENT, remedy.getPercent() == null ? 0 : remedy.getPercent());
        inputs.put(EmergencyAfterSales.VAR_APPROVAL_COUPON_EUR,
                remedy.getRemedy() == Remedy.COUPON && remedy.getAmount() != null ? remedy.getAmount().doubleValue()
                        : 0.0);
        inputs.put(EmergencyAfterSales.VAR_ORDER_VALUE_EUR, c.getOrder() == null ? 0.0
                : rates.toEur(c.getOrder().total(), c.getOrder().getCurrency()).doubleValue());
        String country = c.getStore() == null ? null : c.getStore().getMarketplaceCountry();
        inputs.put(EmergencyAfterSales.VAR_MARKETPLACE_COUNTRY,
                country == null ? null : country.trim().toUpperCase(Locale.ROOT));
        return inputs;
    }

    /**
     * The table answered for the case's remedy: records the approval it needs and returns approval and
     * approverGroup for the process. Refuses ({@link TaskFormRejection}: the agent's completion is undone,
     * nothing is kept) what the table says nobody may approve, with the table's reason.
     */
    @Transactional
    public Map<String, Object> tableDecided(String caseKey, Answer answer) {
        CaseRemedy remedy = proposed(caseOf(caseKey).getId());
        if (answer.approval() == null) {
            throw new IllegalStateException("Decision table remedyApproval gave no approval for " + remedy.getRemedy());
        }
        if (NOT_ALLOWED.equals(answer.approval())) {
            throw TaskFormRejection.because(remedy.getRemedy()
                    + (remedy.getPercent() == null ? "" : " of " + remedy.getPercent() + " %")
                    + (remedy.getRemedy() == Remedy.COUPON ? " of " + remedy.getAmount() + " EUR" : "")
                    + " is beyond what anyone may approve for this order"
                    + (answer.reason() == null || answer.reason().isBlank() ? "" : ": " + answer.reason())
                    + "; choose a smaller remedy");
        }
        String group = switch (answer.approval()) {
            case AGENT -> remedy.getChosenBy();
            case TEAM_LEAD -> Groups.TEAM_LEADS;
            case DISPUTE_SPECIALIST -> {
                if (answer.region() == null || answer.region().isBlank()) {
                    throw new IllegalStateException("Decision table remedyApproval names no region for the dispute"
                            + " specialists of " + remedy.getRemedy());
                }
                yield Groups.disputeSpecialists(answer.region().trim());
            }
            default -> throw new IllegalStateException("Decision table remedyApproval answered '"
                    + answer.approval() + "': AGENT, TEAM_LEAD, DISPUTE_SPECIALIST or NOT_ALLOWED");
        };
        remedy.requireApproval(answer.approval());
        Map<String, Object> next = new HashMap<>();
        next.put(EmergencyAfterSales.VAR_APPROVAL, answer.approval());
        next.put(EmergencyAfterSales.VAR_APPROVER_GROUP, group);
        return next;
    }

    /**
     * A team lead or dispute specialist decided on the case's remedy waiting for approval (the one of
     * this case, whatever a completion claims); nobody approves their own choice.
     */
    @Transactional
    public void approverDecided(long caseId, boolean approved, String approver, String note) {
        CaseRemedy remedy = proposed(caseId);
        if (!approved && note(note).isBlank()) {
            throw TaskFormRejection.because("Say why, so the agent can choose again");
        }
        if (approver != null && approver.equals(remedy.getChosenBy())) {
            throw TaskFormRejection.because("You chose this remedy; another " + remedy.getApproval()
                    + " approves it (four eyes)");
        }
        remedy.decide(approved, approver);
        if (!note(note).isBlank()) {
            remedy.getAfterSalesCase().addMessage(MessageDirection.INTERNAL, "approval", null,
                    (approved ? "Approved by " : "Refused by ") + approver, note(note), null, clock.instant());
        }
    }

    /** The case's latest remedy still waiting for its approval. */
    private CaseRemedy proposed(long caseId) {
        return remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId).stream()
                .filter(r -> r.getStatus() == CaseRemedy.Status.PROPOSED).reduce((first, second) -> second)
                .orElseThrow(() -> TaskFormRejection.because("This case has no remedy waiting for approval"));
    }

    private AfterSalesCase caseOf(String caseKey) {
        return cases.findByBusinessKey(caseKey).orElseThrow(() -> new IllegalStateException("No case " + caseKey));
    }
}
