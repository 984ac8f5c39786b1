package com.helloword.aftersales.durability;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.helloword.aftersales.support.IntegrationTest;

/** History past its time-to-live is removed: the engine has a cleanup window and a cleanup job for it. */
@IntegrationTest
class HistoryCleanupTest {

    @Autowired
    ProcessEngineConfiguration configuration;
    @Autowired
    HistoryService historyService;

    @Test
    void theEngineHasACleanupWindowAndAScheduledCleanupJob() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty()
                .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
        assertThat(historyService.findHistoryCleanupJobs()).extracting(Job::isSuspended).containsOnly(false);
    }
}
