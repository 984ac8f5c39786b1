package com.helloword.aftersales.casework.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Answers a question from the knowledge base: reads {@code caseId}, sets {@code kbArticle} to the
 * article the buyer was sent, or null when no article fits (then only the agent answers).
 */
@Component("knowledgeBaseAnswerDelegate")
class KnowledgeBaseAnswerDelegate implements JavaDelegate {

    private final KnowledgeBaseAnswers answers;

    KnowledgeBaseAnswerDelegate(KnowledgeBaseAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ((Number) execution.getVariable(EmergencyAfterSales.VAR_CASE_ID)).longValue();
        execution.setVariable(KnowledgeBaseAnswers.VAR_KB_ARTICLE, answers.answerWithArticle(caseId).orElse(null));
    }
}
