package com.helloword.aftersales.casework.escalation;

import static com.helloword.aftersales.casework.escalation.CaseNotes.note;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseRemedy;
import com.helloword.aftersales.casework.CaseRemedyRepository;
import com.helloword.aftersales.casework.CaseStatus;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.security.Groups;
import com.helloword.aftersales.workflow.TaskFormRejection;
import com.helloword.aftersales.workflow.WaitingProcesses;

/**
 * How a case is settled once the team works on it: other teams' answers and the manual steps people
 * report, the buyer's confirmation and rating through the links in our mail, and closing the case.
 * The agent's choice is {@link AgentChoices}, its approval {@link RemedyApprovals}, the mail to the
 * buyer {@link BuyerReplies}. Each is recorded in the case file in the same transaction as the process
 * step that made it; what cannot be taken is refused with a reason the person sees in Tasklist.
 */
@Service
public class CaseResolution {

    /** How a case ended. */
    public static final String CONFIRMED = "CONFIRMED";
    public static final String AGENT_CLOSED = "AGENT_CLOSED";
    public static final String QUIET_PERIOD = "QUIET_PERIOD";

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

    private final AfterSalesCaseRepository cases;
    private final CaseRemedyRepository remedies;
    private final WaitingProcesses waiting;
    private final Clock clock;

    CaseResolution(AfterSalesCaseRepository cases, CaseRemedyRepository remedies, WaitingProcesses waiting,
            Clock clock) {
        this.cases = cases;
        this.remedies = remedies;
        this.waiting = waiting;
        this.clock = clock;
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

    /**
     * A person did the manual part of a remedy (warehouse reship, a refund in Seller Central): the remedy
     * left for people is done now (with the tracking number as its reference), and the case is with the
     * team again until it waits for the buyer. Returns the remedy that is done now, if one was left for people.
     */
    @Transactional
    public Optional<Long> manualStepDone(long caseId, String group, String note, String trackingNumber, String who) {
        String text = note(note) + (trackingNumber == null || trackingNumber.isBlank() ? ""
                : (note(note).isBlank() ? "" : "\n") + "Tracking number: " + trackingNumber.trim());
        if (text.isBlank()) {
            throw TaskFormRejection.because("Say what was done (and the tracking number when something was shipped)");
        }
        AfterSalesCase c = caseOf(caseId);
        c.addMessage(MessageDirection.INTERNAL, group == null ? "team" : group, null, "Done by " + who, text, null,
                clock.instant());
        Optional<CaseRemedy> done = remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId).stream()
                .filter(r -> r.getStatus() == CaseRemedy.Status.BY_HAND).reduce((first, second) -> second);
        done.ifPresent(r -> r.doneByHand(trackingNumber, clock.instant()));
        c.remedyDone();
        return done.map(CaseRemedy::getId);
    }

    /** The remedy is done and the buyer told (or answered from the knowledge base): the case waits for the buyer. */
    @Transactional
    public void awaitBuyer(long caseId) {
        AfterSalesCase c = caseOf(caseId);
        if (c.isOpen()) {
            c.awaitBuyer();
        }
    }

    /**
     * For a case on a process version without "Mark the case as waiting for the buyer": the reply went out,
     * so the case waits for the buyer, unless its remedy is still left for people.
     */
    @Transactional
    public void awaitBuyerUnlessRemedyByHand(long caseId) {
        boolean byHand = remedies.findByAfterSalesCaseIdOrderByIdAsc(caseId).stream()
                .anyMatch(r -> r.getStatus() == CaseRemedy.Status.BY_HAND);
        if (!byHand) {
            awaitBuyer(caseId);
        }
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

    /** The case is settled; how is {@code resolution} (CONFIRMED, AGENT_CLOSED, QUIET_PERIOD). */
    @Transactional
    public void close(long caseId, String resolution) {
        AfterSalesCase c = caseOf(caseId);
        if (c.getStatus() != CaseStatus.CLOSED) {
            c.close(resolution == null ? QUIET_PERIOD : resolution, clock.instant());
        }
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

    /** The name of the store the case's buyer bought from, which heads the buyer's pages; null for no such case. */
    @Transactional(readOnly = true)
    public String storeNameOf(String caseKey) {
        return cases.findByBusinessKey(caseKey).map(c -> c.getStore().getName()).orElse(null);
    }

    private AfterSalesCase caseOf(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }
}
