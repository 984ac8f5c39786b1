package com.helloword.aftersales.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.helloword.aftersales.support.IntegrationTest;

@IntegrationTest
class OperationJournalTest {

    @Autowired
    OperationJournal journal;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void anAttemptIsKeptEvenWhenTheJobThatMadeItRollsBack() {
        String key = "refund:" + UUID.randomUUID();

        transaction.executeWithoutResult(job -> {
            journal.attempted("ebay", key, "R-1,R-2");
            job.setRollbackOnly(); // the step failed after sending the refund
        });

        OperationJournal.Entry entry = journal.find("ebay", key).orElseThrow();
        assertThat(entry.state()).isEqualTo(OperationJournal.State.ATTEMPTED);
        assertThat(entry.before()).isEqualTo("R-1,R-2");
    }

    @Test
    void anAttemptBecomesDoneOrIsForgotten() {
        String done = "refund:" + UUID.randomUUID();
        String forgotten = "refund:" + UUID.randomUUID();
        journal.attempted("ebay", done, "");
        journal.attempted("ebay", forgotten, "");

        journal.done("ebay", done, "R-9\t10.00\tEUR\tfalse");
        journal.forget("ebay", forgotten);

        assertThat(journal.find("ebay", done)).hasValueSatisfying(e -> {
            assertThat(e.state()).isEqualTo(OperationJournal.State.DONE);
            assertThat(e.result()).startsWith("R-9");
        });
        assertThat(journal.find("ebay", forgotten)).isEmpty();
        assertThat(journal.find("amazon", done)).isEmpty();
    }
}
