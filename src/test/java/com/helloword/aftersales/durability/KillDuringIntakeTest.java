package com.helloword.aftersales.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.helloword.aftersales.support.Http;

/**
 * A 2xx from intake means the message is on disk: the application is started as a child process (the
 * embedded default, or whatever database the environment names, as CI's MariaDB pass does), takes
 * messages, and is killed with SIGKILL right after the last answer; restarted on the same data, every
 * acknowledged message must have its case. Its own surefire execution ({@code durability}), since it
 * starts the application twice.
 */
@Tag("durability")
class KillDuringIntakeTest {

    private static final int MESSAGES = 20;
    // no job executor: on CI's MariaDB pass the database holds the whole suite's due jobs, and working them off
    // would take the pool's connections from the intake this test is about
    private static final List<String> NO_JOBS = List.of("-Dcamunda.bpm.job-execution.enabled=false");

    @TempDir
    Path workDir;

    ChildApplication app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        app = new ChildApplication(workDir);
        app.start("first", NO_JOBS, Map.of());
        Http http = new Http(app.port());
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            HttpResponse<String> answer = http.post("/api/intake/messages", Http.RELAY, "application/json",
                    message(run, i));
            if (answer.statusCode() != 201) {
                throw new AssertionError("message " + i + " answered " + answer.statusCode() + " " + answer.body()
                        + "; the application's errors:\n" + app.errors("first"));
            }
            acknowledged.add(Http.json(answer).get("businessKey").asText());
        }
        app.kill(); // SIGKILL: no shutdown hook, no flush

        app.start("second", NO_JOBS, Map.of());
        List<String> lost = acknowledged.stream()
                .filter(key -> http.get("/api/cases/" + key, "demo").statusCode() != 200)
                .toList();
        assertThat(lost).as("acknowledged with 201, gone after the kill (%d of %d)", lost.size(), MESSAGES)
                .isEmpty();
    }

    private static String message(String run, int i) {
        return """
                {"storeId": "amazon-us", "channel": "email", "externalMessageId": "<kill-%s-%d@mail>",
                 "platformOrderId": null, "buyerEmail": "kill.%s.%d@example.com", "subject": "Broken",
                 "body": "It stopped working", "receivedAt": "2026-11-20T08:00:00Z"}"""
                .formatted(run, i, run, i);
    }
}
