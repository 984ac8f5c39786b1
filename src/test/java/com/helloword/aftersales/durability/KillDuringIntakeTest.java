package com.helloword.aftersales.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    @TempDir
    Path workDir;

    Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKill() throws Exception {
        int port = freePort();
        app = start(port, "first");
        Http http = new Http(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            HttpResponse<String> answer = http.post("/api/intake/messages", Http.RELAY, "application/json",
                    message(run, i));
            if (answer.statusCode() != 201) {
                throw new AssertionError("message " + i + " answered " + answer.statusCode() + " " + answer.body()
                        + "; the application's errors:\n" + errors("first"));
            }
            acknowledged.add(Http.json(answer).get("businessKey").asText());
        }
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();

        app = start(port, "second");
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

    /**
     * The application's main class on the main classpath (without test classes and their configuration),
     * in a fresh working directory, so the embedded default's {@code ./data} is new.
     */
    private Process start(int port, String name) throws IOException, InterruptedException {
        String classpath = Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // no job executor: on CI's MariaDB pass the database holds the whole suite's due jobs, and
                // working them off would take the pool's connections from the intake this test is about
                "-Xmx512m", "-XX:+UseSerialGC", "-Dcamunda.bpm.job-execution.enabled=false", "-cp", classpath,
                "com.helloword.aftersales.AfterSalesApplication")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("EMBEDDED_SMTP_PORT", "0");
        builder.environment().put("EMBEDDED_IMAP_PORT", "0");
        Process process = builder.start();
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + log(name));
            }
            try {
                // healthy, and the demo logins and stores exist (they are made once the application has started)
                if (http.get("/actuator/health", null).statusCode() == 200
                        && http.get("/api/cases/none", Http.RELAY).statusCode() != 401
                        && http.get("/api/stores", "demo").body().contains("\"amazon-us\"")) {
                    return process;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not start within " + START_TIMEOUT + ": " + log(name));
    }

    /** The application log's error lines and causes, without the stack frames. */
    private String errors(String name) throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve(name + ".log")).stream()
                .filter(line -> !line.stripLeading().startsWith("at ") && !line.stripLeading().startsWith("..."))
                .filter(line -> line.contains("ERROR") || line.contains("Exception") || line.startsWith("Caused by"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private String log(String name) throws IOException {
        String log = Files.readString(workDir.resolve(name + ".log"));
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** Surefire hands the test classpath over in this property (java.class.path is its manifest-only jar). */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
