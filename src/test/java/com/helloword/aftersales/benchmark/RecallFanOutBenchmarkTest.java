package com.helloword.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.RecallAtScale;
import com.icegreen.greenmail.util.GreenMail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Stage 3 of a recall of 10 000 buyers on the running application, job executor and outbox relay on, mail to
 * the embedded SMTP server: from GO and from the approved plans to every notice queued in the outbox, and to
 * every notice received by the SMTP server; the chunk jobs' rate next to the same engine's no-op async jobs in
 * the same run; the optimistic locking failures the engine logged meanwhile. On an H2 file database as the
 * embedded default uses, or on the database SPRING_DATASOURCE_URL names (CI's MariaDB). Prints the figures for
 * docs/performance.md; asserts only that every buyer got exactly one notice. Run:
 * {@code mvn -o -B -ntp -Pbenchmark -Dtest=RecallFanOutBenchmarkTest test}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/benchmark/recall-${random.uuid};"
                + "LOCK_TIMEOUT=10000;WRITE_DELAY=0}",
        "camunda.bpm.job-execution.enabled=true",
        "aftersales.mail.outbox.relay-enabled=true",
        "aftersales.mail.outbox.poll-interval=200ms",
        "camunda.bpm.generic-properties.properties.hostname=" + RecallFanOutBenchmarkTest.NODE})
@Import(ProviderStubsConfiguration.class)
class RecallFanOutBenchmarkTest {

    static final String NODE = "bench-node-a";
    static final int BUYERS = Integer.getInteger("recall.benchmark.buyers", 10_000);
    static final int NO_OP_JOBS = 400;
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    @LocalServerPort
    int port;
    @Value("${aftersales.recall.notice-chunk-size}")
    int chunkSize;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    GreenMail smtp;

    final OptimisticLockCounter optimisticLocks = new OptimisticLockCounter();

    @BeforeEach
    void countOptimisticLocks() {
        optimisticLocks.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(optimisticLocks);
    }

    @AfterEach
    void stopCounting() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(optimisticLocks);
        optimisticLocks.stop();
    }

    @Test
    void tenThousandBuyersNoticedOnceEach() throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Http http = new Http(port);
        RecallAtScale recall = new RecallAtScale(http, run, BUYERS);
        long importStart = System.nanoTime();
        int orders = recall.importOrders(2_000);
        double importSeconds = seconds(importStart);

        JsonNode created = recall.start();
        String key = created.get("recallKey").asText();
        long recallId = created.get("id").asLong();
        recall.decideGo(created);
        long goAt = System.nanoTime();
        recall.approvePlans(created);
        long approvedAt = System.nanoTime();
        int mailsBefore = smtp.getReceivedMessages().length;
        int locksBefore = optimisticLocks.count();

        String pattern = RecallAtScale.noticeKeys(key);
        Milestone found = new Milestone(() -> jdbc.queryForObject(
                "select count(*) from recall_notices where recall_id = ?", Long.class, recallId));
        Milestone queued = new Milestone(() -> jdbc.queryForObject(
                "select count(*) from outbox_messages where idempotency_key like ?", Long.class, pattern));
        Milestone sent = new Milestone(() -> jdbc.queryForObject(
                "select count(*) from outbox_messages where idempotency_key like ? and status = 'SENT'", Long.class,
                pattern));
        Milestone stage4 = new Milestone(() -> "RETURNING".equals(jdbc.queryForObject(
                "select state from recalls where id = ?", String.class, recallId)) ? BUYERS : 0);
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!(found.reached(BUYERS) & queued.reached(BUYERS) & sent.reached(BUYERS) & stage4.reached(BUYERS))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(String.format(Locale.ROOT, "after %s: %d buyers found, %d queued, %d sent, "
                        + "stage 4: %s; failed jobs %d", TIMEOUT, found.last, queued.last, sent.last, stage4.last > 0,
                        management.createJobQuery().withException().count()));
            }
            Thread.sleep(100);
        }
        int locksDuringFanOut = optimisticLocks.count() - locksBefore;
        long failedJobs = management.createJobQuery().withException().count();
        long incidents = runtime.createIncidentQuery().count();

        assertThat(jdbc.queryForObject("select count(distinct buyer_id) from recall_notices where recall_id = ?",
                Long.class, recallId)).isEqualTo(BUYERS);
        assertThat(jdbc.queryForObject("select count(distinct recipient_ref) from outbox_messages "
                + "where idempotency_key like ?", Long.class, pattern)).isEqualTo(BUYERS);
        assertThat(smtp.getReceivedMessages().length - mailsBefore).as("mails received").isGreaterThanOrEqualTo(BUYERS);

        List<HistoricProcessInstance> chunks = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("recallNoticeChunkProcess").processInstanceBusinessKeyLike(key + ":0:%").list();
        double chunkSeconds = span(chunks);
        long chunksOnThisNode = history.createHistoricJobLogQuery().processDefinitionKey("recallNoticeChunkProcess")
                .hostname(NODE).successLog().count();
        double noOpJobsPerSecond = noOpJobsPerSecond(run);

        String database = System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "H2 file (embedded default)")
                .replaceAll("\\?.*", "");
        System.out.printf(Locale.ROOT, "BENCHMARK recall fan-out on %s, %d cores, heap max %d MB, chunk size %d:%n"
                + "  %d buyers (%d orders imported in %.1f s)%n"
                + "  GO -> plans approved %.1f s; approved -> buyers found %.1f s, all queued %.1f s (GO -> all queued "
                + "%.1f s), all sent over SMTP %.1f s (GO -> all sent %.1f s), stage 4 %.1f s%n"
                + "  chunk jobs: %d in %.1f s = %.1f jobs/s (%.0f notices/s; %d run on this node) | no-op async jobs "
                + "on the same engine: %.1f jobs/s%n"
                + "  OptimisticLockingExceptions logged during the fan-out: %d (%s); failed jobs %d, incidents %d%n",
                database, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                chunkSize, BUYERS, orders, importSeconds, (approvedAt - goAt) / 1e9, found.secondsAfter(approvedAt),
                queued.secondsAfter(approvedAt), queued.secondsAfter(goAt), sent.secondsAfter(approvedAt),
                sent.secondsAfter(goAt), stage4.secondsAfter(approvedAt), chunks.size(), chunkSeconds,
                chunks.size() / chunkSeconds, BUYERS / chunkSeconds, chunksOnThisNode, noOpJobsPerSecond,
                locksDuringFanOut, optimisticLocks.byLogger(), failedJobs, incidents);
    }

    /** From the first chunk's start to the last one's end. */
    private static double span(List<HistoricProcessInstance> instances) {
        Date first = instances.stream().map(HistoricProcessInstance::getStartTime).min(Date::compareTo).orElseThrow();
        Date last = instances.stream().map(HistoricProcessInstance::getEndTime).max(Date::compareTo).orElseThrow();
        return Math.max(1, last.getTime() - first.getTime()) / 1000.0;
    }

    /**
     * A process of one async no-op task, {@value #NO_OP_JOBS} instances started with their job definition
     * suspended, then activated at once: the job executor's rate for jobs that do nothing.
     */
    private double noOpJobsPerSecond(String run) throws InterruptedException {
        String processKey = "recallBenchmarkNoOpProcess";
        BpmnModelInstance model = Bpmn.createExecutableProcess(processKey).name("Benchmark no-op job")
                .camundaHistoryTimeToLive(1)
                .startEvent("startEvent_noOp").name("Started")
                .manualTask("task_noOp").name("No-op").camundaAsyncBefore()
                .endEvent("endEvent_noOp").name("Done")
                .done();
        repository.createDeployment().name("recall benchmark no-op").addModelInstance("recall-benchmark-noop.bpmn",
                model).deploy();
        management.suspendJobDefinitionByProcessDefinitionKey(processKey, true);
        for (int i = 0; i < NO_OP_JOBS; i++) {
            runtime.startProcessInstanceByKey(processKey, "NOOP-" + run + "-" + i);
        }
        long start = System.nanoTime();
        management.activateJobDefinitionByProcessDefinitionKey(processKey, true);
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no-op jobs still running after " + TIMEOUT);
            }
            Thread.sleep(20);
        }
        return NO_OP_JOBS / seconds(start);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** A count polled until it reaches a target; remembers when it first did. */
    static final class Milestone {
        private final LongSupplier count;
        long last;
        long reachedAt;

        Milestone(LongSupplier count) {
            this.count = count;
        }

        boolean reached(long target) {
            if (reachedAt == 0) {
                last = count.getAsLong();
                if (last >= target) {
                    reachedAt = System.nanoTime();
                }
            }
            return reachedAt != 0;
        }

        double secondsAfter(long start) {
            return (reachedAt - start) / 1e9;
        }
    }

    /** Counts log events that carry an OptimisticLockingException, in the message or the cause chain. */
    static final class OptimisticLockCounter extends AppenderBase<ILoggingEvent> {
        private final AtomicInteger count = new AtomicInteger();
        private final java.util.Map<String, Integer> byLogger = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        protected void append(ILoggingEvent event) {
            boolean optimistic = event.getFormattedMessage() != null
                    && event.getFormattedMessage().contains("OptimisticLocking");
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null && !optimistic;
                    cause = cause.getCause()) {
                optimistic = cause.getClassName().contains("OptimisticLocking");
            }
            if (optimistic) {
                count.incrementAndGet();
                byLogger.merge(event.getLoggerName(), 1, Integer::sum);
            }
        }

        int count() {
            return count.get();
        }

        String byLogger() {
            return byLogger.isEmpty() ? "none" : new ArrayList<>(byLogger.entrySet()).toString();
        }
    }
}
