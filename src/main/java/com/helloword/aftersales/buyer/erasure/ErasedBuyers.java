package com.helloword.aftersales.buyer.erasure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a link's case belongs to a buyer whose personal data was erased: such links are revoked (they are
 * signed, not stored, so the check is made where they are opened).
 */
@Component
public class ErasedBuyers {

    private final JdbcTemplate jdbc;

    ErasedBuyers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean ownCase(String caseKey) {
        return jdbc.query("select b.id, b.email from after_sales_cases c join buyers b on b.id = c.buyer_id"
                + " where c.business_key = ?", row -> row.next() && ErasureMarks.isErased(row.getLong(1),
                        row.getString(2)), caseKey);
    }
}
