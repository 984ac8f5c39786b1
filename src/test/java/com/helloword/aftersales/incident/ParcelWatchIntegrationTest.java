package com.helloword.aftersales.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.carrier.TrackingRecorder;
import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.CaseRecords;
import com.helloword.aftersales.notification.OutboxRepository;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.DueJobs;
import com.helloword.aftersales.support.IntegrationTest;
import com.helloword.aftersales.support.MutableClock;

/**
 * What the parcel watch's integration tests share: the application (one context with every other
 * {@link IntegrationTest}), a fixture of this run's orders, and both clocks fixed at {@link #now} (truncated to the
 * second), back to real time after each test.
 */
@IntegrationTest
abstract class ParcelWatchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ParcelWatches watches;
    @Autowired
    ParcelWatchRepository watchRows;
    @Autowired
    ParcelRegistrationRepository registrations;
    @Autowired
    OrderImportService imports;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    TrackingRecorder recorder;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    CaseRecords cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    ParcelWatchFixture fixture;
    Instant now;

    @BeforeEach
    void fixClocks() {
        fixture = new ParcelWatchFixture(imports, orders, registrations, recorder);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.fixWithEngine(now);
    }

    @AfterEach
    void realTime() {
        clock.resumeRealTime();
    }

    /** Runs the due jobs of the watch's process. */
    void runJobs(ParcelWatch watch) {
        DueJobs.run(management, watchRows.findById(watch.getId()).orElseThrow().getProcessInstanceId());
    }
}
