package com.helloword.aftersales.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.casefile.SalesOrderRepository;
import com.helloword.aftersales.casework.api.SafetyCaseOpened;
import com.helloword.aftersales.orders.OrderImportService;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * The automatic trigger on the running application: safety cases counted against a batch (as the intake counts
 * them, in its transaction) ask the recallTrigger table after the commit; the first "raise" starts one recall of
 * the SKU (source SIGNAL, sourceRef sku/batch, the countries the batch went to), and no later case, other batch
 * or second node at the same moment starts another while it is open.
 */
@IntegrationTest
class RecallTriggerTest {

    @Autowired
    OrderImportService importService;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    RecallSignals signals;
    @Autowired
    RecallTrigger trigger;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RecallRepository recallRows;
    RecordingRecallStarts starts;

    String run;
    String sku;

    @BeforeEach
    void setUp() throws Exception {
        starts = new RecordingRecallStarts(recallRows);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        sku = "TRG-" + run;
        String header = "store_id,platform_order_id,buyer_email,buyer_name,buyer_language,destination_country,"
                + "currency,ordered_at,shipped_at,delivered_at,carrier,tracking_number,status,sku,batch,quantity,"
                + "unit_price\n";
        // batch T1: 100 units to DE and 50 to AT; batch T2: 10 units to FR; a placed order of T1 does not count
        importService.importCsv(new StringReader(header
                + order("1", "amazon-de", "DE", "DELIVERED", "T1", 100)
                + order("2", "amazon-de", "AT", "SHIPPED", "T1", 50)
                + order("3", "amazon-fr", "FR", "DELIVERED", "T2", 10)
                + order("4", "amazon-de", "DE", "PLACED", "T1", 500)));
    }

    private String order(String n, String store, String country, String status, String batch, int quantity) {
        boolean shipped = !status.equals("PLACED");
        return store + ",TRG" + n + "-" + run + ",trg" + n + "." + run + "@example.eu,T,de," + country
                + ",EUR,2026-10-01T10:00:00Z," + (shipped ? "2026-10-02T10:00:00Z" : "") + ","
                + (status.equals("DELIVERED") ? "2026-10-04T10:00:00Z" : "") + "," + (shipped ? "DHL,JJDTRG" + n + run
                : ",") + "," + status + "," + sku + "," + batch + "," + quantity + ",12.00\n";
    }

    /** A safety case opened on order n, counted as the intake counts it: in a transaction that then commits. */
    private void safetyCase(String n, String caseSuffix, Instant at) {
        String store = n.equals("3") ? "amazon-fr" : "amazon-de";
        long orderId = orders.findWithLines(store, "TRG" + n + "-" + run).orElseThrow().getId();
        transaction.executeWithoutResult(tx -> signals.on(new SafetyCaseOpened("HS-" + run + caseSuffix, orderId, at)));
    }

    @Test
    void theFirstRaiseStartsOneRecallAndLaterCasesStartNoOther() {
        Instant now = Instant.now();
        safetyCase("1", "a", now);
        assertThat(starts.of(sku)).as("one case is not yet a pattern").isEmpty();

        // 2 cases of 150 units sold: more than 10 per 1000
        safetyCase("2", "b", now);
        List<RecordingRecallStarts.Started> started = starts.of(sku);
        assertThat(started).hasSize(1);
        RecallStarts.StartRecall command = started.get(0).command();
        assertThat(command.batches()).containsExactly("T1");
        assertThat(command.countries()).containsExactly("AT", "DE");
        assertThat(command.source()).isEqualTo(RecallSource.SIGNAL);
        assertThat(command.sourceRef()).isEqualTo(sku + "/T1");
        assertThat(command.reason()).contains("10 or more safety cases per 1000 units");
        assertThat(started.get(0).startedBy()).isEqualTo(RecallTrigger.STARTED_BY);

        // more cases of the batch, and a raising other batch of the SKU: the SKU's recall is open
        safetyCase("1", "c", now);
        safetyCase("3", "d", now);
        safetyCase("3", "e", now);
        assertThat(trigger.evaluate(sku, "T2").<Boolean>output("raise")).isTrue();
        assertThat(starts.of(sku)).hasSize(1);
    }

    @Test
    void casesOutsideTheWindowDoNotCount() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        safetyCase("1", "a", longAgo);
        safetyCase("2", "b", longAgo);
        safetyCase("1", "c", longAgo);

        assertThat(trigger.evaluate(sku, "T1").<Boolean>output("raise")).isFalse();
        assertThat(starts.of(sku)).isEmpty();
    }

    @Test
    void twoNodesCheckingAtOnceStartOneRecall() throws Exception {
        // five cases kept without the after-commit check, then asked about by two threads at once
        for (String suffix : List.of("a", "b", "c", "d", "e")) {
            transaction.executeWithoutResult(tx -> trigger.counted(new RecallSignalCounted(sku, "T1",
                    "HS-" + run + suffix, Instant.now())));
        }
        assertThat(starts.of(sku)).isEmpty();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Optional<Recall>> check = () -> trigger.check(sku, "T1");
            Future<Optional<Recall>> first = nodes.submit(check);
            Future<Optional<Recall>> second = nodes.submit(check);
            long startedNow = List.of(first.get(), second.get()).stream().filter(Optional::isPresent).count();
            assertThat(startedNow).isEqualTo(1);
        } finally {
            nodes.shutdown();
        }
        assertThat(starts.of(sku)).hasSize(1);
    }
}
