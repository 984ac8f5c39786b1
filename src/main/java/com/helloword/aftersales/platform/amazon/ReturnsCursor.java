package com.helloword.aftersales.platform.amazon;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;

/**
 * Where the reading of Amazon's returns report stands between two rounds, as the opaque cursor the caller keeps.
 * Either everything up to {@code until} has been read ({@code amazon-returns/1 read <until> <floor>}), or Amazon is
 * making report {@code reportId} for the window [{@code from}, {@code to}) ({@code amazon-returns/1 report <reportId>
 * <from> <to> <floor>}). {@code floor} is the caller's first {@code since}: the overlap of the next window never
 * reaches back before it. Instants are ISO-8601 in UTC, to the second.
 */
record ReturnsCursor(String reportId, Instant from, Instant to, Instant until, Instant floor) {

    static final String PREFIX = "amazon-returns/1";

    /** The first round: nothing read yet, from {@code since} on. */
    static ReturnsCursor start(Instant since) {
        return read(since, since);
    }

    static ReturnsCursor read(Instant until, Instant floor) {
        return new ReturnsCursor(null, null, null, until, floor);
    }

    static ReturnsCursor report(String reportId, Instant from, Instant to, Instant floor) {
        return new ReturnsCursor(reportId, from, to, null, floor);
    }

    boolean waitingForReport() {
        return reportId != null;
    }

    /** The report's window has been read: the next round goes on from its end. */
    ReturnsCursor windowRead() {
        return read(to, floor);
    }

    String text() {
        return waitingForReport()
                ? String.join(" ", PREFIX, "report", reportId, from.toString(), to.toString(), floor.toString())
                : String.join(" ", PREFIX, "read", until.toString(), floor.toString());
    }

    static ReturnsCursor parse(String text) {
        String[] parts = text.strip().split(" ");
        try {
            if (parts.length == 4 && PREFIX.equals(parts[0]) && "read".equals(parts[1])) {
                return read(Instant.parse(parts[2]), Instant.parse(parts[3]));
            }
            if (parts.length == 6 && PREFIX.equals(parts[0]) && "report".equals(parts[1]) && !parts[2].isBlank()) {
                return report(parts[2], Instant.parse(parts[3]), Instant.parse(parts[4]), Instant.parse(parts[5]));
            }
        } catch (DateTimeParseException notAnInstant) {
            // falls through to the refusal below
        }
        throw new ProviderFailure(AmazonAdapter.PROVIDER, Kind.REJECTED, 0, "the returns cursor '" + text
                + "' was not made by the Amazon adapter (expected '" + PREFIX + " read ...' or '" + PREFIX
                + " report ...'); start again with no cursor and a 'since'");
    }

    @Override
    public String toString() {
        return text();
    }
}
