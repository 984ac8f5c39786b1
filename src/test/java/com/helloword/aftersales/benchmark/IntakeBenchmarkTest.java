package com.helloword.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.ProviderStubsConfiguration;
import com.helloword.aftersales.support.TestClockConfiguration;

/**
 * Buyer messages through {@code POST /api/intake/messages} until their "Answer buyer" task is open
 * (validation, grading with the DMN tables, case file, process start), next to the same engine
 * starting a no-op process with the same wait states through {@code /engine-rest}, in the same run.
 * On the H2 file database of the embedded default, or on the database SPRING_DATASOURCE_URL names.
 * Prints the figures for the README; asserts only that every case got its task.
 * Run: {@code mvn test -Pbenchmark -Dtest=IntakeBenchmarkTest}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/benchmark/intake-${random.uuid};"
                + "LOCK_TIMEOUT=10000}")
@Import({TestClockConfiguration.class, ProviderStubsConfiguration.class})
class IntakeBenchmarkTest {

    static final int CASES = 600;
    static final int WARM_UP = 60;
    static final int CLIENTS = 4;
    static final String[] BODIES = {
        "Das Paket ist leider beschädigt angekommen", "My order has not arrived yet, where is my package?",
        "La taille est trop petite, puis-je échanger ?", "El producto no funciona desde el primer día",
        "充電中に発火しました", "لم أستلم الطلب حتى الآن", "收到的时候杯子破损了", "How do I wash this sweater?"};

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ManagementService jobs;

    record Run(int count, long millis, List<Long> latenciesMicros) {
        String describe() {
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "%d in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms", count, millis / 1000.0,
                    count * 1000.0 / millis, sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1000.0);
        }
    }

    @Test
    void casesPerSecondFromIntakeToOpenTaskNextToANoOpProcess() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        measure(WARM_UP, i -> intake("w" + run, i));
        measure(WARM_UP, i -> baseline("w" + run, i));
        long tasksBefore = openedForTheTeam();

        Run intake = measure(CASES, i -> intake(run, i));
        Run baseline = measure(CASES, i -> baseline(run, i));

        assertThat(openedForTheTeam() - tasksBefore).isEqualTo(CASES);
        assertThat(tasks.createTaskQuery().processDefinitionKey("intakeBaselineProcess")
                .processInstanceBusinessKeyLike("BASE-" + run + "-%").count()).isEqualTo(CASES);
        System.out.printf(Locale.ROOT, "BENCHMARK intake (%d clients, %s): %s | baseline no-op process via "
                + "engine-rest: %s%n", CLIENTS, System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "H2 file")
                .replaceAll("\\?.*", ""), intake.describe(), baseline.describe());
    }

    /**
     * Cases at their first wait state: the team's "Answer buyer" task, or for a BLUE question the
     * queued knowledge-base answer (an async step that then waits for the buyer or opens the task).
     */
    private long openedForTheTeam() {
        return tasks.createTaskQuery().processDefinitionKey("emergencyAfterSalesProcess")
                .taskDefinitionKey("userTask_answerBuyer").count()
                + jobs.createJobQuery().activityId("serviceTask_answerFromKnowledgeBase").count();
    }

    private Callable<HttpResponse<String>> intake(String run, int i) {
        String json = """
                {"storeId": "amazon-us", "channel": "email", "externalMessageId": "<bench-%s-%d@mail>",
                 "buyerEmail": "bench-%s-%d@example.com", "subject": "Order", "body": "%s"}"""
                .formatted(run, i, run, i, BODIES[i % BODIES.length]);
        return () -> new Http(port).post("/api/intake/messages", Http.RELAY, "application/json", json);
    }

    private Callable<HttpResponse<String>> baseline(String run, int i) {
        String json = """
                {"businessKey": "BASE-%s-%d", "variables": {
                  "candidateGroup": {"value": "agents-en"}, "claimDuration": {"value": "PT15M"},
                  "severity": {"value": "YELLOW"}, "teamOpen": {"value": true}, "taskPriority": {"value": 50},
                  "caseKey": {"value": "BASE-%s-%d"}, "category": {"value": "DAMAGED"},
                  "firstReplyDue": {"value": "2030-01-01T10:00:00.000+0000", "type": "Date"},
                  "resolutionDue": {"value": "2030-01-03T10:00:00.000+0000", "type": "Date"}}}"""
                .formatted(run, i, run, i);
        return () -> new Http(port).post("/engine-rest/process-definition/key/intakeBaselineProcess/start", "demo",
                "application/json", json);
    }

    private Run measure(int count, IntFunction<Callable<HttpResponse<String>>> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<HttpResponse<String>> call = request.apply(i);
            calls.add(() -> {
                long start = System.nanoTime();
                HttpResponse<String> response = call.call();
                latencies.add((System.nanoTime() - start) / 1000);
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                return null;
            });
        }
        long start = System.nanoTime();
        try {
            for (var future : clients.invokeAll(calls)) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        return new Run(count, (System.nanoTime() - start) / 1_000_000, latencies);
    }
}
