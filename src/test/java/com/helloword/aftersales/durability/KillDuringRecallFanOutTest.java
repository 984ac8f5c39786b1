package com.helloword.aftersales.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.RecallAtScale;

/**
 * Acceptance of issue 12: restarting the application in the middle of a recall's notice fan-out sends nobody a
 * second notice and misses nobody. The application runs as a child process (job executor on) on a file database
 * (the embedded default's H2, opened with AUTO_SERVER so this test can read it while the child runs; or CI's
 * MariaDB, as the environment names it); {@value #BUYERS} affected buyers are imported, the recall is started,
 * decided GO and its plans approved, and with chunks of {@value #CHUNK_SIZE} notices being queued the child is
 * killed with SIGKILL. The outbox relay is off in that first run, so the kill hits the queuing alone. Restarted
 * on the same database with the relay on, every notice ends QUEUED with exactly one outbox row per affected
 * buyer, the SMTP server of the second run receives exactly one notice per buyer, and the recall goes on to
 * stage 4.
 */
@Tag("durability")
class KillDuringRecallFanOutTest {

    static final int BUYERS = 3_000;
    static final int CHUNK_SIZE = 50;
    static final Duration FAN_OUT_TIMEOUT = Duration.ofMinutes(15);

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
    void aKillDuringTheFanOutSendsNobodyTwiceAndMissesNobody() throws Exception {
        Database db = Database.forChildIn(workDir);
        Map<String, String> environment = new HashMap<>(db.childEnvironment());
        environment.put("RECALL_NOTICE_CHUNK_SIZE", Integer.toString(CHUNK_SIZE));
        // the scenario's orders shipped weeks ago and were never scanned: the parcel watch would rightly mail their
        // buyers too, which is not what this test counts
        environment.put("PARCEL_SWEEP_ENABLED", "false");
        app = new ChildApplication(workDir);
        app.start("first", List.of("-Daftersales.mail.outbox.relay-enabled=false"), environment);
        Http http = new Http(app.port());
        RecallAtScale scenario = new RecallAtScale(http, UUID.randomUUID().toString().substring(0, 8), BUYERS);
        scenario.importOrders(1_000);
        JsonNode recall = scenario.start();
        long recallId = recall.get("id").asLong();
        String key = recall.get("recallKey").asText();
        String notices = RecallAtScale.noticeKeys(key);
        scenario.decideGo(recall);
        scenario.approvePlans(recall);

        long queuedAtKill = 0;
        Instant deadline = Instant.now().plus(FAN_OUT_TIMEOUT);
        while (queuedAtKill == 0) {
            long queued = db.count("select count(*) from outbox_messages where idempotency_key like ?", notices);
            if (queued >= BUYERS) {
                throw new AssertionError("all " + BUYERS + " notices were queued before the kill could hit the fan-out");
            }
            if (queued > 0) {
                app.kill();
                queuedAtKill = queued;
            } else if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no notice queued within " + FAN_OUT_TIMEOUT + "; the application's errors:\n"
                        + app.errors("first"));
            } else {
                Thread.sleep(25);
            }
        }
        // a notice is marked QUEUED in the transaction that writes its outbox row: the kill left both or neither
        assertThat(db.count("select count(*) from recall_notices where recall_id = ? and status = 'QUEUED'", recallId))
                .as("notices marked queued at the kill").isEqualTo(db.count(
                        "select count(*) from outbox_messages where idempotency_key like ?", notices))
                .isLessThan(BUYERS);

        app.start("second", List.of("-Daftersales.mail.outbox.batch-size=200"),
                with(environment, "OUTBOX_POLL_INTERVAL", "200ms"));
        await("every notice queued and sent, the recall in stage 4").atMost(FAN_OUT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1)).until(() -> db.count(
                        "select count(*) from recall_notices where recall_id = ? and status = 'QUEUED'", recallId) == BUYERS
                        && db.count("select count(*) from outbox_messages where idempotency_key like ? and status = 'SENT'",
                                notices) == BUYERS
                        && "RETURNING".equals(db.text("select state from recalls where id = ?", recallId)));

        assertThat(db.count("select count(*) from recall_notices where recall_id = ?", recallId)).isEqualTo(BUYERS);
        assertThat(db.count("select count(*) from outbox_messages where idempotency_key like ?", notices))
                .as("outbox rows of the recall's notices (%d queued before the kill)", queuedAtKill).isEqualTo(BUYERS);
        assertThat(db.count("select count(*) from recall_notices n where n.recall_id = ? and not exists (select 1 from "
                + "outbox_messages m where m.idempotency_key = concat(?, n.buyer_id))", recallId, "recall:" + key
                + ":notice:")).as("affected buyers without a notice in the outbox").isZero();
        assertThat(db.count("select count(*) from outbox_messages m where m.idempotency_key like ? and not exists "
                + "(select 1 from recall_notices n where n.recall_id = ? and concat(?, n.buyer_id) = m.idempotency_key)",
                notices, recallId, "recall:" + key + ":notice:")).as("notices to anyone but an affected buyer").isZero();
        assertThat(db.count("select count(*) from recalls where id = ? and chunks_done = chunks_total", recallId))
                .as("every chunk counted once").isEqualTo(1);

        JsonNode mailbox = Http.json(http.get("/api/outbox/mailbox", "demo"));
        List<String> toBuyers = new ArrayList<>();
        mailbox.forEach(mail -> mail.get("to").forEach(to -> {
            if (to.asText().startsWith("rsc-") && to.asText().endsWith("@bench.example")) {
                toBuyers.add(to.asText());
            }
        }));
        assertThat(toBuyers).as("notices the SMTP server received (of %d mails)", mailbox.size()).hasSize(BUYERS)
                .doesNotHaveDuplicates();
        assertThat(scenario.view(recall).get("stage").asInt()).isEqualTo(4);
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    /**
     * The child's database, read over JDBC: the one SPRING_DATASOURCE_URL names (CI's MariaDB pass), else an H2
     * file in the working directory with AUTO_SERVER (the first process to open it serves it to the others), a
     * connection per query, so that none is held open while no child runs.
     */
    record Database(String url, String user, String password, Map<String, String> childEnvironment) {

        static Database forChildIn(Path workDir) {
            String named = System.getenv("SPRING_DATASOURCE_URL");
            if (named != null && !named.isBlank()) {
                return new Database(named, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "aftersales"),
                        System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""), Map.of());
            }
            String h2 = "jdbc:h2:file:" + workDir.resolve("data").resolve("aftersales").toAbsolutePath()
                    + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;AUTO_SERVER=TRUE";
            return new Database(h2, "sa", "", Map.of("SPRING_DATASOURCE_URL", h2));
        }

        long count(String sql, Object... parameters) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        String text(String sql, Object... parameters) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }

        private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
                throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }
}
