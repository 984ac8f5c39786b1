package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.CaseNotes.note;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * Reads what the agent chose in "Answer buyer" (reply with a remedy, ask another team, close) and
 * records it in the case file. Only what a form can get wrong is checked here (an unknown action or
 * remedy, a missing size, a remedy that needs an order the case does not name); how large a remedy
 * may be, and who approves it, is the remedyApproval table's answer in the process
 * ({@link RemedyApprovals}), in the same transaction: a remedy that table refuses is not kept either.
 */
@Service
class AgentChoices {

    /** What the agent chose in the "Answer buyer" form. */
    record AgentChoice(String action, String remedy, Integer percent, Double couponEur, String replyNote,
            String internalGroup, String internalQuestion, Integer internalDueHours) {
    }

    static final List<String> INTERNAL_TEAMS = List.of(Groups.WAREHOUSE, Groups.PURCHASING, Groups.LOGISTICS);

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final TeamHours teamHours;
    private final Clock clock;

    AgentChoices(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, TeamHours teamHours, Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.teamHours = teamHours;
        this.clock = clock;
    }

    /**
     * The agent completed "Answer buyer". Returns the process variables the next steps read
     * (remedyId; internalGroup and internalDue; resolution). Refuses a choice that cannot be taken with
     * the reason ({@link TaskFormRejection}).
     */
    @Transactional
    public Map<String, Object> agentDecided(long caseId, AgentChoice choice, String agent) {
        AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
        String action = choice.action() == null ? EmergencyAfterSales.ACTION_REPLY
                : choice.action().trim().toUpperCase(Locale.ROOT);
        Map<String, Object> next = new HashMap<>();
        next.put(EmergencyAfterSales.VAR_ANSWERING_AGENT, agent);
        switch (action) {
            case EmergencyAfterSales.ACTION_ASK_TEAM -> {
                String group = choice.internalGroup() == null ? "" : choice.internalGroup().trim();
                if (!INTERNAL_TEAMS.contains(group)) {
                    throw TaskFormRejection.because("Choose the team to ask: one of " + INTERNAL_TEAMS);
                }
                String question = note(choice.internalQuestion());
                if (question.isBlank()) {
                    throw TaskFormRejection.because("Write the question for " + group);
                }
                int hours = choice.internalDueHours() == null ? 8 : choice.internalDueHours();
                if (hours < 1 || hours > 240) {
                    throw TaskFormRejection.because("The answer is due in 1 to 240 working hours, not " + hours);
                }
                c.addMessage(MessageDirection.INTERNAL, group, null, "Question from " + agent, question, null,
                        clock.instant());
                next.put(EmergencyAfterSales.VAR_INTERNAL_GROUP, group);
                next.put(EmergencyAfterSales.VAR_INTERNAL_DUE,
                        Date.from(teamHours.addWorkingTime(group, clock.instant(), Duration.ofHours(hours))));
            }
            case EmergencyAfterSales.ACTION_CLOSE -> next.put(EmergencyAfterSales.VAR_RESOLUTION,
                    CaseResolution.AGENT_CLOSED);
            case EmergencyAfterSales.ACTION_REPLY -> next.put(EmergencyAfterSales.VAR_REMEDY_ID,
                    chooseRemedy(c, choice, agent).getId());
            default -> throw TaskFormRejection.because("Unknown action '" + choice.action()
                    + "': REPLY, ASK_TEAM or CLOSE");
        }
        next.put(EmergencyAfterSales.VAR_AGENT_ACTION, action);
        return next;
    }

    /** The remedy as chosen, amounts worked out from the case file's order; it waits for its approval. */
    private CaseRemedy chooseRemedy(AfterSalesCase c, AgentChoice choice, String agent) {
        Remedy remedy;
        try {
            remedy = Remedy.valueOf(choice.remedy() == null ? "NONE" : choice.remedy().trim());
        } catch (IllegalArgumentException e) {
            throw TaskFormRejection.because("Unknown remedy '" + choice.remedy() + "'");
        }
        if ((remedy.refundsMoney() || remedy.needsWarehouse()) && c.getOrder() == null) {
            throw TaskFormRejection.because(remedy + " needs the order: this case names none of the store's orders");
        }
        String currency = c.getOrder() == null ? null : c.getOrder().getCurrency();
        Integer percent = null;
        BigDecimal amount = null;
        switch (remedy) {
            case PARTIAL_REFUND_KEEP_ITEM -> {
                percent = required(choice.percent(), "Say how many percent of the order value go back");
                amount = partialRefund(c, percent);
            }
            case REFUND -> {
                percent = 100;
                amount = fullRefund(c);
            }
            case GOODWILL_DISCOUNT -> percent = required(choice.percent(),
                    "Say how many percent the goodwill discount takes off the next order");
            case COUPON -> {
                amount = coupon(required(choice.couponEur(), "Say what the coupon is worth in EUR"));
                currency = COUPON_CURRENCY;
            }
            default -> {
            }
        }
        CaseRemedy chosen = new CaseRemedy(c, remedy, percent, amount, currency, agent, note(choice.replyNote()),
                clock.instant());
        return remedies.save(chosen);
    }

    /** Coupons are worth an amount in EUR, whatever the order's currency. */
    static final String COUPON_CURRENCY = "EUR";

    /** A partial refund of the case's order: percent of its value, as its currency writes it. */
    static BigDecimal partialRefund(AfterSalesCase c, int percent) {
        String currency = c.getOrder() == null ? null : c.getOrder().getCurrency();
        return orderValue(c).multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100),
                RemedyExecution.minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** The whole order's value, as its currency writes it. */
    static BigDecimal fullRefund(AfterSalesCase c) {
        String currency = c.getOrder() == null ? null : c.getOrder().getCurrency();
        return orderValue(c).setScale(RemedyExecution.minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** A coupon's value in EUR, to the cent. */
    static BigDecimal coupon(double eur) {
        return BigDecimal.valueOf(eur).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal orderValue(AfterSalesCase c) {
        return c.getOrder() == null ? BigDecimal.ZERO : c.getOrder().total();
    }

    private static <T> T required(T value, String reason) {
        if (value == null) {
            throw TaskFormRejection.because(reason);
        }
        return value;
    }
}
