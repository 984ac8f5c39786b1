package com.helloword.aftersales.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** The job executor is off in tests: this runs a process's jobs that are due by the engine's clock. */
public final class DueJobs {

    private DueJobs() {
    }

    /** Runs every due job of the process, and the ones they make due, until none is left. */
    public static void run(ManagementService management, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }
}
