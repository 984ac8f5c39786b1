package com.helloword.aftersales.casework.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.BuyerLinks;
import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casefile.EurRates;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.casework.Remedy;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.MailTemplates;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.notification.RenderedMail;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.WaitingProcesses;
import com.helloword.aftersales.workflow.TaskFormRejection;

/**
 * What the people and steps of a case decide after it reached the team: the agent's choice (reply
 * with a remedy, ask another team, close), its approval, the reply to the buyer, the buyer's
 * confirmation and rating, and closing the case. Each decision is recorded in the case file in the
 * same transaction as the process step that made it; bad choices are refused with a reason the
 * agent sees in Tasklist, and nothing is kept of them.
 */
@Service
public class CaseResolution {

    /** How a case ended. */
    public static final String CONFIRMED = "CONFIRMED";
    public static final String AGENT_CLOSED = "AGENT_CLOSED";
    public static final String QUIET_PERIOD = "QUIET_PERIOD";

    /** What the agent chose in the "Answer buyer" form. */
    public record AgentChoice(String action, String remedy, Integer percent, Double couponEur, String replyNote,
            String internalGroup, String internalQuestion, Integer internalDueHours) {
    }

    /** What a buyer's click on a mail link did. */
    public enum LinkOutcome {
        /** It moved the case on (confirmed it, recorded the rating). */
        DONE,
        /** The case was already closed / rated: nothing changed. */
        ALREADY_DONE,
        /** Recorded on the case for the agent; the case is still being worked on. */
        NOTED,
        /** No such case. */
        UNKNOWN
    }

    static final List<String> INTERNAL_TEAMS = List.of(Groups.WAREHOUSE, Groups.PURCHASING, Groups.LOGISTICS);
    static final int MAX_NOTE = 4000;

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final WaitingProcesses waiting;
    private final OutboxService outbox;
    private final MailTemplates templates;
    private final BuyerLinks links;
    private final TeamHours teamHours;
    private final EurRates rates;
    private final Clock clock;

    CaseResolution(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, DecisionService decisions,
            RepositoryService repository, WaitingProcesses waiting, OutboxService outbox, MailTemplates templates,
            BuyerLinks links, TeamHours teamHours, EurRates rates, Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.decisions = decisions;
        this.repository = repository;
        this.waiting = waiting;
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.teamHours = teamHours;
        this.rates = rates;
        this.clock = clock;
    }

    /**
     * The agent completed "Answer buyer". Returns the process variables the next steps read
     * (approval, approverGroup, remedyId; internalGroup and internalDue; resolution). Refuses a
     * choice that cannot be taken with the reason ({@link TaskFormRejection}).
     */
    @Transactional
    public Map<String, Object> agentDecided(long caseId, AgentChoice choice, String agent) {
        AfterSalesCase c = caseOf(caseId);
        String action = choice.action() == null ? "REPLY" : choice.action().trim().toUpperCase(Locale.ROOT);
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
                        java.util.Date.from(teamHours.addWorkingTime(group, clock.instant(), Duration.ofHours(hours))));
            }
            case EmergencyAfterSales.ACTION_CLOSE -> next.put(EmergencyAfterSales.VAR_RESOLUTION, AGENT_CLOSED);
            case EmergencyAfterSales.ACTION_REPLY -> next.putAll(chooseRemedy(c, choice, agent));
            default -> throw TaskFormRejection.because("Unknown action '" + choice.action()
                    + "': REPLY, ASK_TEAM or CLOSE");
        }
        next.put(EmergencyAfterSales.VAR_AGENT_ACTION, action);
        return next;
    }

    private Map<String, Object> chooseRemedy(AfterSalesCase c, AgentChoice choice, String agent) {
        Remedy remedy;
        try {
            remedy = Remedy.valueOf(choice.remedy() == null ? "NONE" : choice.remedy().trim());
        } catch (IllegalArgumentException e) {
            throw TaskFormRejection.because("Unknown remedy '" + choice.remedy() + "'");
        }
        BigDecimal orderValue = c.getOrder() == null ? BigDecimal.ZERO : c.getOrder().total();
        // the order's value from the case file, not from a variable a completion could set
        double orderValueEur = c.getOrder() == null ? 0
                : rates.toEur(orderValue, c.getOrder().getCurrency()).doubleValue();
        Integer percent = null;
        BigDecimal amount = null;
        String currency = c.getOrder() == null ? null : c.getOrder().getCurrency();
        double couponEur = 0;
        if ((remedy.refundsMoney() || remedy.needsWarehouse()) && c.getOrder() == null) {
            throw TaskFormRejection.because(remedy + " needs the order: this case names none of the store's orders");
        }
        switch (remedy) {
            case PARTIAL_REFUND_KEEP_ITEM -> {
                percent = requirePercent(choice.percent(), 1, 150, "The partial refund");
                amount = orderValue.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100),
                        RemedyExecution.minorDigits(currency), RoundingMode.HALF_UP);
            }
            case REFUND -> {
                percent = 100;
                amount = orderValue.setScale(RemedyExecution.minorDigits(currency), RoundingMode.HALF_UP);
            }
            case GOODWILL_DISCOUNT -> percent = requirePercent(choice.percent(), 1, 100, "The goodwill discount");
            case COUPON -> {
                couponEur = choice.couponEur() == null ? 0 : choice.couponEur();
                if (couponEur < 1 || couponEur > 500) {
                    throw TaskFormRejection.because("A coupon is worth 1 to 500 EUR, not " + choice.couponEur());
                }
                amount = BigDecimal.valueOf(couponEur).setScale(2, RoundingMode.HALF_UP);
                currency = "EUR";
            }
            default -> {
            }
        }
        String approval = approval(remedy, percent, couponEur, orderValueEur);
        if ("NOT_ALLOWED".equals(approval)) {
            throw TaskFormRejection.because(remedy + (percent == null ? "" : " of " + percent + " %")
                    + " is beyond what anyone may approve for this order (up to 150 % of its value with a dispute"
                    + " specialist); choose a smaller remedy");
        }
        CaseRemedy chosen = new CaseRemedy(c, remedy, percent, amount, currency, agent, note(choice.replyNote()),
                clock.instant());
        chosen.requireApproval(approval);
        remedies.save(chosen);
        Map<String, Object> next = new HashMap<>();
        next.put(EmergencyAfterSales.VAR_REMEDY_ID, chosen.getId());
        next.put(EmergencyAfterSales.VAR_APPROVAL, approval);
        next.put(EmergencyAfterSales.VAR_APPROVER_GROUP, switch (approval) {
            case "TEAM_LEAD" -> Groups.TEAM_LEADS;
            case "DISPUTE_SPECIALIST" -> Groups.disputeSpecialists(Groups.disputeRegion(
                    c.getStore() == null ? null : c.getStore().getMarketplaceCountry()));
            default -> agent;
        });
        return next;
    }

    private String approval(Remedy remedy, Integer percent, double couponEur, double orderValueEur) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("remedyApproval")
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision table remedyApproval is not deployed");
        }
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("remedy", remedy.name());
        inputs.put("percent", percent == null ? 0 : percent);
        inputs.put("couponEur", couponEur);
        inputs.put("orderValueEur", orderValueEur);
        return decisions.evaluateDecisionById(latest.getId()).variables(inputs).evaluate().getSingleResult()
                .getEntry("approval");
    }

    private static int requirePercent(Integer percent, int min, int max, String what) {
        if (percent == null || percent < min || percent > max) {
            throw TaskFormRejection.because(what + " is " + min + " to " + max + " %, not " + percent);
        }
        return percent;
    }

    /**
     * A team lead or dispute specialist decided on the case's remedy waiting for approval (the one of
     * this case, whatever a completion claims); nobody approves their own choice.
     */
    @Transactional
    public void approvalDecided(long caseId, boolean approved, String approver, String note) {
        CaseRemedy remedy = remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId).stream()
                .filter(r -> r.getStatus() == CaseRemedy.Status.PROPOSED).reduce((first, second) -> second)
                .orElseThrow(() -> TaskFormRejection.because("This case has no remedy waiting for approval"));
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

    /** Another team answered the agent's question; the answer goes into the case. */
    @Transactional
    public void teamAnswered(long caseId, String group, String answer, String who) {
        if (note(answer).isBlank()) {
            throw TaskFormRejection.because("Write the answer for the agent");
        }
        caseOf(caseId).addMessage(MessageDirection.INTERNAL, group == null ? "team" : group, null,
                "Answer from " + who, note(answer), null, clock.instant());
    }

    /** A person did the manual part of a remedy (warehouse reship, a refund in Seller Central). */
    @Transactional
    public void manualStepDone(long caseId, String group, String note, String trackingNumber, String who) {
        String text = note(note) + (trackingNumber == null || trackingNumber.isBlank() ? ""
                : (note(note).isBlank() ? "" : "\n") + "Tracking number: " + trackingNumber.trim());
        if (text.isBlank()) {
            throw TaskFormRejection.because("Say what was done (and the tracking number when something was shipped)");
        }
        caseOf(caseId).addMessage(MessageDirection.INTERNAL, group == null ? "team" : group, null,
                "Done by " + who, text, null, clock.instant());
    }

    /** A team lead followed up a low rating. */
    @Transactional
    public void followUpDone(long caseId, String note, String who) {
        if (note(note).isBlank()) {
            throw TaskFormRejection.because("Note what was done after the low rating");
        }
        caseOf(caseId).addMessage(MessageDirection.INTERNAL, Groups.TEAM_LEADS, null, "Rating follow-up by " + who,
                note(note), null, clock.instant());
    }

    /**
     * The reply to the buyer in their language, with the remedy and a link to say the problem is
     * solved; queued once per remedy. The case then waits for the buyer.
     */
    @Transactional
    public void sendReply(long caseId, Long remedyId) {
        AfterSalesCase c = caseOf(caseId);
        CaseRemedy remedy = remedyId == null ? null : remedies.findById(remedyId).orElse(null);
        String key = "case:" + c.getBusinessKey() + ":reply:" + (remedyId == null ? "0" : remedyId);
        if (c.getBuyer() != null) {
            Map<String, Object> model = replyModel(c, remedy, true);
            outbox.queue(new MailRequest(key, caseId, "case-reply", c.getLanguage(), RecipientType.BUYER,
                    c.getBuyer().getId().toString(), model));
            boolean recorded = c.getMessages().stream().anyMatch(m -> key.equals(m.getExternalMessageId()));
            if (!recorded) {
                RenderedMail mail = templates.render("case-reply", c.getLanguage(), model);
                c.addMessage(MessageDirection.OUTBOUND, "email", key, mail.subject(), mail.text(), mail.language(),
                        clock.instant());
            }
        }
        c.awaitBuyer();
    }

    /**
     * The agent's answer to a buyer who wrote while the remedy's return runs: one mail per task (the
     * task id names it), in the buyer's language; the case waits for the buyer again.
     */
    @Transactional
    public void replyDuringReturn(long caseId, String taskId, String text, String who) {
        if (note(text).isBlank()) {
            throw TaskFormRejection.because("Write the answer for the buyer");
        }
        AfterSalesCase c = caseOf(caseId);
        if (c.getBuyer() != null) {
            String key = "case:" + c.getBusinessKey() + ":answer:" + taskId;
            Map<String, Object> model = replyModel(c, null, true);
            model.put("agentNote", note(text));
            outbox.queue(new MailRequest(key, caseId, "case-reply", c.getLanguage(), RecipientType.BUYER,
                    c.getBuyer().getId().toString(), model));
            c.addMessage(MessageDirection.OUTBOUND, "email", key, "Answer by " + who, note(text), c.getLanguage(),
                    clock.instant());
        }
        c.awaitBuyer();
    }

    /**
     * What the reply template gets: ids, amounts and, for the buyer's mail, the confirmation link (an
     * agent's preview gets a placeholder instead); the buyer's name is added when it is sent.
     */
    public Map<String, Object> replyModel(AfterSalesCase c, CaseRemedy remedy, boolean withConfirmLink) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", c.getBusinessKey());
        if (c.getOrder() != null) {
            model.put("orderId", c.getOrder().getPlatformOrderId());
        }
        if (c.getStore() != null) {
            model.put("storeName", c.getStore().getName());
        }
        model.put("remedy", remedy == null ? "NONE" : remedy.getRemedy().name());
        if (remedy != null) {
            if (remedy.getPercent() != null) {
                model.put("percent", remedy.getPercent());
            }
            if (remedy.getAmount() != null) {
                model.put("amount", CaseView.money(remedy.getAmount()));
                model.put("currency", remedy.getCurrency());
            }
            if (remedy.getCouponCode() != null) {
                model.put("couponCode", remedy.getCouponCode());
            }
            if (remedy.getNote() != null && !remedy.getNote().isBlank()) {
                model.put("agentNote", remedy.getNote());
            }
        }
        model.put("confirmUrl", withConfirmLink ? links.confirmUrl(c.getBusinessKey()) : "#confirmation-link");
        return model;
    }

    /** The case is settled; how is {@code resolution} (CONFIRMED, AGENT_CLOSED, QUIET_PERIOD). */
    @Transactional
    public void close(long caseId, String resolution) {
        AfterSalesCase c = caseOf(caseId);
        if (c.getStatus() != CaseStatus.CLOSED) {
            c.close(resolution == null ? QUIET_PERIOD : resolution, clock.instant());
        }
    }

    /** The 1-5 rating mail: five links, one per star count. Queued once per case. */
    @Transactional
    public void requestRating(long caseId) {
        AfterSalesCase c = caseOf(caseId);
        if (c.getBuyer() == null || c.getRating() != null) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", c.getBusinessKey());
        if (c.getStore() != null) {
            model.put("storeName", c.getStore().getName());
        }
        List<String> urls = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            urls.add(links.ratingUrl(c.getBusinessKey(), stars));
        }
        model.put("ratingUrls", urls);
        outbox.queue(new MailRequest("case:" + c.getBusinessKey() + ":rating", caseId, "case-rating", c.getLanguage(),
                RecipientType.BUYER, c.getBuyer().getId().toString(), model));
    }

    /** The buyer clicked "my problem is solved". */
    @Transactional
    public LinkOutcome buyerConfirmed(String caseKey) {
        AfterSalesCase c = cases.findByBusinessKey(caseKey).orElse(null);
        if (c == null) {
            return LinkOutcome.UNKNOWN;
        }
        if (c.getStatus() == CaseStatus.CLOSED) {
            return LinkOutcome.ALREADY_DONE;
        }
        if (waiting.correlateIfWaiting(c.getProcessInstanceId(), EmergencyAfterSales.MESSAGE_BUYER_CONFIRMED,
                Map.of(EmergencyAfterSales.VAR_RESOLUTION, CONFIRMED))) {
            return LinkOutcome.DONE;
        }
        c.addMessage(MessageDirection.INTERNAL, "buyer-link", null, "Buyer says the problem is solved",
                "The buyer confirmed through the link in our mail while the case was still with the team.", null,
                clock.instant());
        return LinkOutcome.NOTED;
    }

    /** The buyer rated the case (1-5). The first rating counts. */
    @Transactional
    public LinkOutcome buyerRated(String caseKey, int stars) {
        AfterSalesCase c = cases.findByBusinessKey(caseKey).orElse(null);
        if (c == null) {
            return LinkOutcome.UNKNOWN;
        }
        if (!c.rate(stars, clock.instant())) {
            return LinkOutcome.ALREADY_DONE;
        }
        waiting.correlateIfWaiting(c.getProcessInstanceId(), EmergencyAfterSales.MESSAGE_RATING_RECEIVED,
                Map.of(EmergencyAfterSales.VAR_RATING, stars));
        return LinkOutcome.DONE;
    }

    /** The language a case is handled in (for pages the buyer sees), null for an unknown case. */
    @Transactional(readOnly = true)
    public String languageOf(String caseKey) {
        return cases.findByBusinessKey(caseKey).map(AfterSalesCase::getLanguage).orElse(null);
    }

    private AfterSalesCase caseOf(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }

    private static String note(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.length() <= MAX_NOTE ? trimmed : trimmed.substring(0, MAX_NOTE);
    }
}
