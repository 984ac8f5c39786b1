package com.helloword.aftersales.recall;

import static com.helloword.aftersales.recall.RegulatorNoticeProcess.VAR_NOTICE_ID;
import static com.helloword.aftersales.recall.RegulatorNoticeProcess.VAR_RECALL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The service task of {@code regulatorNoticeProcess}, called as {@code ${regulatorNoticeSteps.startRecall(execution)}}. */
@Component("regulatorNoticeSteps")
public class RegulatorNoticeSteps {

    private final RegulatorNotices notices;

    RegulatorNoticeSteps(RegulatorNotices notices) {
        this.notices = notices;
    }

    /** Starts the recall the review chose; the process keeps the recall's id. */
    public void startRecall(DelegateExecution execution) {
        long noticeId = ((Number) execution.getVariable(VAR_NOTICE_ID)).longValue();
        execution.setVariable(VAR_RECALL_ID, notices.startChosenRecall(noticeId));
    }
}
