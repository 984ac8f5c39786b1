package com.helloword.aftersales.platform.ebay;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where the eBay adapter goes on reading returns: the creation date the next search starts from
 * ({@code creation_date_range_from}) and how many returns created at exactly that instant were read already
 * (the search's {@code offset}). Searching from the newest creation date seen, rather than paging on with a
 * growing offset, keeps the place when returns of earlier pages change state or close in between. Written
 * as {@code <instant>|<skip>}; the caller keeps it as an opaque string.
 */
record EbayReturnCursor(Instant since, int skip) {

    EbayReturnCursor {
        if (since == null || skip < 0) {
            throw new IllegalArgumentException("an eBay return cursor needs a start and a skip of 0 or more");
        }
    }

    /** The cursor the caller gave back, or the start at {@code since} (now, when that is null too). */
    static EbayReturnCursor of(String cursor, Instant since, Instant now) {
        if (cursor == null || cursor.isBlank()) {
            return new EbayReturnCursor(since == null ? now : since, 0);
        }
        int bar = cursor.indexOf('|');
        try {
            return new EbayReturnCursor(Instant.parse(cursor.substring(0, bar < 0 ? cursor.length() : bar).strip()),
                    bar < 0 ? 0 : Integer.parseInt(cursor.substring(bar + 1).strip()));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not an eBay return cursor: " + cursor, e);
        }
    }

    String format() {
        return since + "|" + skip;
    }
}
