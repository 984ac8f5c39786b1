package com.helloword.aftersales.recall;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A buyer chose a remedy: their return process ({@code recallReturnProcess}) starts in the transaction that
 * recorded the choice, so a choice without its process (or a process without the choice) cannot be kept. The
 * process's first step is asynchronous: the choice's request only writes a job. A notice that has its process
 * already starts none (the event came twice).
 */
@Component
class RecallReturnStarter {

    private final RecallNoticeRepository notices;
    private final RecallRepository recalls;
    private final RuntimeService runtime;

    RecallReturnStarter(RecallNoticeRepository notices, RecallRepository recalls, RuntimeService runtime) {
        this.notices = notices;
        this.recalls = recalls;
        this.runtime = runtime;
    }

    @EventListener
    void on(RecallRemedyChosen chosen) {
        RecallNotice notice = notices.findById(chosen.noticeId()).orElseThrow(() -> new IllegalStateException(
                "Recall notice " + chosen.noticeId() + " does not exist"));
        if (notice.getProcessInstanceId() != null) {
            return;
        }
        Recall recall = recalls.findById(chosen.recallId()).orElseThrow(() -> new IllegalStateException(
                "Recall " + chosen.recallId() + " does not exist"));
        Map<String, Object> variables = new HashMap<>();
        variables.put(RecallReturnProcess.VAR_RECALL_ID, chosen.recallId());
        variables.put(RecallReturnProcess.VAR_NOTICE_ID, chosen.noticeId());
        variables.put(RecallReturnProcess.VAR_REMEDY, chosen.remedy().name());
        String started = runtime.startProcessInstanceByKey(RecallReturnProcess.PROCESS_KEY,
                RecallReturnProcess.businessKey(recall.getRecallKey(), notice.getId()), variables).getId();
        notice.started(started);
    }
}
