package com.helloword.aftersales.casework.escalation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.casework.AfterSalesCase;
import com.helloword.aftersales.casework.AfterSalesCaseRepository;
import com.helloword.aftersales.casework.CaseMessage;
import com.helloword.aftersales.casework.MessageDirection;
import com.helloword.aftersales.notification.MailRequest;
import com.helloword.aftersales.notification.OutboxService;
import com.helloword.aftersales.notification.RecipientType;
import com.helloword.aftersales.workflow.LatestDecisions;

/**
 * Answers a buyer's question at once when the designers' table {@code knowledgeBaseArticle} finds a
 * help article for it (templates/kb): the {@code kb-answer} mail in the case's language through the
 * outbox, queued once per case and article, and an outbound message on the case so that agents see
 * what the buyer was sent. The case stays open; the buyer's reply reaches the team as any follow-up.
 * Which questions get which article is the table's business, not this class's.
 */
@Service
public class KnowledgeBaseAnswers {

    public static final String DECISION_KEY = "knowledgeBaseArticle";
    public static final String MAIL_TEMPLATE = "kb-answer";
    /** Channel of the outbound case message that records the answer. */
    public static final String CHANNEL = "knowledge-base";
    /** Process variable set by {@code knowledgeBaseAnswerDelegate}: the article sent, or null. */
    public static final String VAR_KB_ARTICLE = "kbArticle";

    private final LatestDecisions decisions;
    private final AfterSalesCaseRepository cases;
    private final OutboxService outbox;
    private final Clock clock;

    KnowledgeBaseAnswers(LatestDecisions decisions, AfterSalesCaseRepository cases,
            OutboxService outbox, Clock clock) {
        this.decisions = decisions;
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The article the latest deployed table picks for the case's category, language and first message. */
    // not read-only: evaluating a decision writes its history (MySQL refuses writes on a read-only connection)
    @Transactional
    public Optional<String> articleFor(long caseId) {
        return article(load(caseId));
    }

    /**
     * Sends the buyer the article, if the table picks one and the case is open and has a buyer.
     * Returns whether the buyer got (now or on an earlier run) an automatic answer.
     */
    @Transactional
    public boolean answer(long caseId) {
        return answerWithArticle(caseId).isPresent();
    }

    /** As {@link #answer(long)}, returning the article the buyer was answered with. */
    @Transactional
    public Optional<String> answerWithArticle(long caseId) {
        AfterSalesCase afterSalesCase = load(caseId);
        if (afterSalesCase.getBuyer() == null || !afterSalesCase.isOpen()) {
            return Optional.empty();
        }
        Optional<String> article = article(afterSalesCase);
        article.ifPresent(found -> send(afterSalesCase, found));
        return article;
    }

    private AfterSalesCase load(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
    }

    private void send(AfterSalesCase afterSalesCase, String article) {
        String key = "case:" + afterSalesCase.getBusinessKey() + ":kb:" + article;
        Map<String, Object> model = new HashMap<>();
        model.put("caseKey", afterSalesCase.getBusinessKey());
        model.put("article", article);
        if (afterSalesCase.getOrder() != null) {
            model.put("orderId", afterSalesCase.getOrder().getPlatformOrderId());
        }
        if (afterSalesCase.getStore() != null) {
            model.put("storeName", afterSalesCase.getStore().getName());
        }
        outbox.queue(new MailRequest(key, afterSalesCase.getId(), MAIL_TEMPLATE, afterSalesCase.getLanguage(),
                RecipientType.BUYER, afterSalesCase.getBuyer().getId().toString(), model));
        boolean recorded = afterSalesCase.getMessages().stream().anyMatch(
                m -> m.getDirection() == MessageDirection.OUTBOUND && CHANNEL.equals(m.getChannel())
                        && key.equals(m.getExternalMessageId()));
        if (!recorded) {
            afterSalesCase.addMessage(MessageDirection.OUTBOUND, CHANNEL, key, "Knowledge-base answer: " + article,
                    "Answered at once with the knowledge-base article " + article + " (mail " + MAIL_TEMPLATE
                            + "); the case stays open for the buyer's reply.",
                    afterSalesCase.getLanguage(), clock.instant());
        }
    }

    private Optional<String> article(AfterSalesCase afterSalesCase) {
        Optional<CaseMessage> first = afterSalesCase.getMessages().stream()
                .filter(m -> m.getDirection() == MessageDirection.INBOUND).findFirst();
        if (first.isEmpty() || afterSalesCase.getCategory() == null) {
            return Optional.empty();
        }
        PreparedText text = PreparedText.of(first.get().getSubject(), first.get().getBody());
        // the text is the buyer's message: evaluated where the engine does not record its inputs
        DmnDecisionResultEntries result = decisions.evaluateUnrecorded(DECISION_KEY, Map.of("category",
                afterSalesCase.getCategory(), "text", text.text(),
                "language", afterSalesCase.getLanguage() == null ? "" : afterSalesCase.getLanguage()))
                .result().getFirstResult();
        // the "no article" rule has an empty output: its result has no "article" entry
        Object article = result == null ? null : result.getEntryMap().get("article");
        return article instanceof String found && !found.isBlank() ? Optional.of(found) : Optional.empty();
    }
}
