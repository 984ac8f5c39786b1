package com.helloword.aftersales.durability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.helloword.aftersales.support.Http;

/**
 * The application as a child process, for the kill -9 tests: its main class on the main classpath (without
 * test classes and their configuration), -Xmx512m, in a working directory of the test's own, so the embedded
 * default's {@code ./data} is new; the rest of the environment (CI's MariaDB pass: SPRING_PROFILES_ACTIVE=mysql
 * and the SPRING_DATASOURCE_* variables) is inherited. Each start logs to {@code <name>.log} there.
 */
final class ChildApplication {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Path workDir;
    private final int port;
    private Process process;

    ChildApplication(Path workDir) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    /**
     * Starts it with these JVM options and environment variables (besides the port and free mail ports) and
     * waits until it is healthy and the demo logins and stores exist.
     */
    void start(String name, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        String classpath = Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "com.helloword.aftersales.AfterSalesApplication"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("EMBEDDED_SMTP_PORT", "0");
        builder.environment().put("EMBEDDED_IMAP_PORT", "0");
        builder.environment().putAll(environment);
        process = builder.start();
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
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not start within " + START_TIMEOUT + ": " + log(name));
    }

    /** SIGKILL: no shutdown hook, no flush; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application outlived SIGKILL for 30 s");
        }
    }

    /** Ends it if it still runs (after a test, whatever happened). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The log's error lines and causes, without the stack frames. */
    String errors(String name) throws IOException {
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
