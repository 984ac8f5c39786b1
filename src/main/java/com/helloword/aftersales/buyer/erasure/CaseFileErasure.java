package com.helloword.aftersales.buyer.erasure;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The buyer's personal data in our own tables, by SQL so that every table is reached the same way and in the
 * caller's transaction. Rows stay (cases, orders, amounts, SKUs, timestamps are the statistics); only the
 * columns that hold what the buyer is or wrote are overwritten.
 */
@Component
class CaseFileErasure {

    /** The buyer's case file, as found before anything is overwritten. */
    record BuyerFile(long buyerId, String email, String name, List<Long> caseIds, List<Long> orderIds,
            List<String> caseKeys, List<String> processInstanceIds, List<String> texts) {
    }

    /**
     * Free-text columns a colleague may have written the buyer's name, address or words into: overwritten
     * when they hold a trace of the buyer. Table, id column, text column, and how the row belongs to the buyer.
     */
    private record NoteColumn(String table, String column, String belongs) {
    }

    private static final List<NoteColumn> NOTES = List.of(
            new NoteColumn("case_remedies", "note", "case_id in (:cases)"),
            new NoteColumn("shipment_incident_orders", "note", "buyer_id = :buyer"),
            new NoteColumn("disputes", "reason", "buyer_id = :buyer"),
            new NoteColumn("disputes", "decision_comment", "buyer_id = :buyer"),
            new NoteColumn("disputes", "outcome", "buyer_id = :buyer"),
            new NoteColumn("return_events", "detail",
                    "return_id in (select id from return_requests where buyer_id = :buyer)"),
            new NoteColumn("dispute_events", "detail", "dispute_id in (select id from disputes where buyer_id = :buyer)"),
            new NoteColumn("recall_units", "note", "order_id in (:orders)"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CaseFileErasure(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    BuyerFile read(long buyerId, String email, String name) {
        MapSqlParameterSource buyer = new MapSqlParameterSource("buyer", buyerId);
        List<Long> caseIds = new ArrayList<>();
        List<String> caseKeys = new ArrayList<>();
        List<String> processInstanceIds = new ArrayList<>();
        jdbc.query("select id, business_key, process_instance_id from after_sales_cases where buyer_id = :buyer",
                buyer, row -> {
                    caseIds.add(row.getLong(1));
                    caseKeys.add(row.getString(2));
                    if (row.getString(3) != null) {
                        processInstanceIds.add(row.getString(3));
                    }
                });
        List<Long> orderIds = jdbc.queryForList("select id from orders where buyer_id = :buyer", buyer, Long.class);
        List<String> texts = new ArrayList<>();
        texts.add(email);
        texts.add(name);
        if (!caseIds.isEmpty()) {
            MapSqlParameterSource cases = new MapSqlParameterSource("cases", caseIds);
            jdbc.query("select subject, body from case_messages where case_id in (:cases)", cases, row -> {
                texts.add(row.getString(1));
                texts.add(row.getString(2));
            });
            jdbc.query("select from_name, subject, body from inbound_mail where case_id in (:cases)", cases, row -> {
                texts.add(row.getString(1));
                texts.add(row.getString(2));
                texts.add(row.getString(3));
            });
        }
        texts.removeIf(t -> t == null || t.isBlank() || t.equals(ErasureMarks.ERASED));
        return new BuyerFile(buyerId, email, name, caseIds, orderIds, caseKeys, processInstanceIds, texts);
    }

    /** Overwrites the buyer's data; the counts of rows changed per place. */
    Map<String, Integer> erase(BuyerFile file, PersonalTraces traces) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String erased = ErasureMarks.ERASED;
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("buyer", file.buyerId())
                .addValue("email", ErasureMarks.email(file.buyerId()))
                .addValue("oldEmail", file.email())
                .addValue("erased", erased)
                .addValue("now", Timestamp.from(clock.instant()))
                // "in ()" is not SQL: an id no row has stands for none
                .addValue("cases", file.caseIds().isEmpty() ? List.of(-1L) : file.caseIds())
                .addValue("orders", file.orderIds().isEmpty() ? List.of(-1L) : file.orderIds());
        counts.put("buyer", jdbc.update("update buyers set email = :email, name = null, serial_returner_note = null,"
                + " updated_at = :now, version = version + 1 where id = :buyer"
                + " and (email <> :email or name is not null or serial_returner_note is not null)", params));
        counts.put("caseMessages", jdbc.update("update case_messages set subject = :erased, body = :erased"
                + " where case_id in (:cases) and (subject is null or subject <> :erased)", params));
        counts.put("inboundMail", jdbc.update("update inbound_mail set from_address = :email, from_name = null,"
                + " subject = :erased, body = :erased where (case_id in (:cases) or lower(from_address) = :oldEmail)"
                + " and from_address <> :email", params));
        counts.put("parcelAddressAnswers", jdbc.update("update parcel_address_answers set corrected_address = null"
                + " where corrected_address is not null"
                + " and watch_id in (select id from parcel_watches where order_id in (:orders))", params));
        int notes = 0;
        for (NoteColumn note : NOTES) {
            notes += eraseNotes(note, params, traces);
        }
        counts.put("notes", notes);
        counts.putAll(eraseOutbox(params, traces));
        return counts;
    }

    private int eraseNotes(NoteColumn note, MapSqlParameterSource params, PersonalTraces traces) {
        List<Long> ids = new ArrayList<>();
        jdbc.query("select id, " + note.column() + " from " + note.table() + " where " + note.belongs() + " and "
                + note.column() + " is not null", params, row -> {
                    if (traces.foundIn(row.getString(2))) {
                        ids.add(row.getLong(1));
                    }
                });
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("update " + note.table() + " set " + note.column() + " = :erased where id in (:ids)",
                new MapSqlParameterSource("erased", ErasureMarks.ERASED).addValue("ids", ids));
    }

    /**
     * Mails to the buyer lose their model (the names and words the template would show); one not sent yet is
     * withdrawn: FAILED, which no relay picks up, with the reason as its error. Staff mails about the buyer's
     * cases lose their model only when it names the buyer.
     */
    private Map<String, Integer> eraseOutbox(MapSqlParameterSource params, PersonalTraces traces) {
        List<Long> wiped = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        jdbc.query("select id, recipient_type, recipient_ref, model_json, status from outbox_messages"
                + " where (recipient_type = 'BUYER' and recipient_ref = :buyerRef) or case_id in (:cases)",
                new MapSqlParameterSource(params.getValues()).addValue("buyerRef", params.getValue("buyer").toString()),
                row -> {
                    boolean toBuyer = "BUYER".equals(row.getString(2));
                    String model = row.getString(4);
                    if (toBuyer ? !"{}".equals(model) : traces.foundIn(model)) {
                        wiped.add(row.getLong(1));
                    }
                    String status = row.getString(5);
                    if (toBuyer && ("PENDING".equals(status) || "SENDING".equals(status))
                            || !toBuyer && traces.foundIn(model) && !"SENT".equals(status)) {
                        withdrawn.add(row.getLong(1));
                    }
                });
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("outboxMessages", wiped.isEmpty() ? 0 : jdbc.update("update outbox_messages set model_json = '{}',"
                + " last_error = null, version = version + 1 where id in (:ids)",
                new MapSqlParameterSource("ids", wiped)));
        counts.put("outboxWithdrawn", withdrawn.isEmpty() ? 0 : jdbc.update("update outbox_messages set status ="
                + " 'FAILED', locked_until = null, last_error = :why, version = version + 1 where id in (:ids)",
                new MapSqlParameterSource("ids", withdrawn).addValue("why",
                        "Withdrawn: the buyer's personal data was erased")));
        return counts;
    }
}
