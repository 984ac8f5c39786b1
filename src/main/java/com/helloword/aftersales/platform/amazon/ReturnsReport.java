package com.helloword.aftersales.platform.amazon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helloword.aftersales.integration.ProviderFailure.Kind;
import com.helloword.aftersales.integration.ProviderFailure;
import com.helloword.aftersales.platform.MarketplacePort.PlatformReturn;

/**
 * Amazon's "Flat File Returns Report by Return Date" ({@code GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE}): tab
 * separated, a header row naming the columns, one row per returned SKU of a return request. Amazon documents the
 * columns Order ID, Order date, Return request date, Return request status, Amazon RMA ID, Merchant RMA ID, Label type,
 * Label cost, Currency code, Return carrier, Tracking ID, Label to be paid by, A-to-Z Claim, Is prime, ASIN, Merchant
 * SKU, Item Name, Return quantity, Return Reason, In policy, Return type, Resolution, Invoice number, Return delivery
 * date, Order Amount, Order quantity, the SafeT claim columns and Refunded Amount.
 *
 * <p>Columns are found by their header, so Amazon may reorder them or add new ones. Only the columns in
 * {@link #REQUIRED} are read; every other cell stays in the report. None of the documented columns holds the buyer's
 * name, address, e-mail or phone; the order id, the RMA id and the tracking id point to a buyer only through Amazon and
 * are what a return is handled by, so they are taken. Item names, amounts, invoice numbers and SafeT claims are not,
 * and neither is any column Amazon adds later (which might hold personal data).
 *
 * <p>A report whose header lacks one of the needed columns, or a row with more cells than the header names, is
 * refused as {@link Kind#MALFORMED}: Amazon changed the layout, and guessing would attach returns to the wrong orders.
 */
final class ReturnsReport {

    static final String REPORT_TYPE = "GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE";

    static final String ORDER_ID = "Order ID";
    static final String REQUEST_DATE = "Return request date";
    static final String STATUS = "Return request status";
    static final String RMA = "Amazon RMA ID";
    static final String CARRIER = "Return carrier";
    static final String TRACKING = "Tracking ID";
    static final String SKU = "Merchant SKU";
    static final String QUANTITY = "Return quantity";
    static final String REASON = "Return Reason";
    static final String RETURN_TYPE = "Return type";
    static final String RESOLUTION = "Resolution";
    static final List<String> REQUIRED = List.of(ORDER_ID, REQUEST_DATE, STATUS, RMA, CARRIER, TRACKING, SKU,
            QUANTITY, REASON, RETURN_TYPE, RESOLUTION);

    static final String REFUND = "REFUND";
    static final String EXCHANGE = "EXCHANGE";

    /** Amazon writes dates as {@code 14-Jul-2025}; ISO dates and date-times are taken as well. */
    private static final DateTimeFormatter AMAZON_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    private ReturnsReport() {
    }

    /** The returns of the report's rows; {@code reportId} only names the report in refusals. */
    static List<PlatformReturn> parse(String text, String reportId) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = content.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        if (lines.get(0).stripLeading().startsWith("<")) {
            throw refused(reportId, "is XML, not the tab-separated flat file of " + REPORT_TYPE);
        }
        String[] header = lines.get(0).split("\t", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            Integer at = columns.get(name.toLowerCase(Locale.ROOT));
            if (at == null) {
                missing.add(name);
            } else {
                index.put(name, at);
            }
        }
        if (!missing.isEmpty()) {
            throw refused(reportId, "has no column " + String.join(", ", missing) + " (its header names "
                    + header.length + " columns); Amazon changed the report's layout, so nothing was taken");
        }
        int lastNeeded = index.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split("\t", -1);
            if (cells.length > header.length) {
                throw refused(reportId, "row " + n + " has " + cells.length + " cells but the header names "
                        + header.length + " columns; the row cannot be read safely, so nothing was taken");
            }
            if (cells.length <= lastNeeded) {
                throw refused(reportId, "row " + n + " has " + cells.length + " cells, too few for the columns "
                        + "the returns need; nothing was taken");
            }
            rows.add(row(cells, index, n, reportId));
        }
        return returns(rows);
    }

    private record Row(String rma, String orderId, String sku, int quantity, String reason, String wanted,
            LocalDate requested, String status, String carrier, String tracking) {
    }

    private static Row row(String[] cells, Map<String, Integer> index, int n, String reportId) {
        String orderId = cell(cells, index, ORDER_ID);
        String sku = cell(cells, index, SKU);
        if (orderId == null || sku == null) {
            throw refused(reportId, "row " + n + " has no " + (orderId == null ? ORDER_ID : SKU));
        }
        String quantityText = cell(cells, index, QUANTITY);
        int quantity;
        try {
            quantity = quantityText == null ? 0 : Integer.parseInt(quantityText);
        } catch (NumberFormatException notANumber) {
            quantity = 0;
        }
        if (quantity <= 0) {
            throw refused(reportId, "row " + n + " has no return quantity that is a positive number: '"
                    + quantityText + "'");
        }
        String requestDate = cell(cells, index, REQUEST_DATE);
        LocalDate requested = date(requestDate);
        if (requested == null) {
            throw refused(reportId, "row " + n + " has a return request date that is no date: '" + requestDate + "'");
        }
        String settlement = (cell(cells, index, RESOLUTION) + " " + cell(cells, index, RETURN_TYPE))
                .toUpperCase(Locale.ROOT);
        String wanted = settlement.contains("REPLACE") || settlement.contains("EXCHANGE") ? EXCHANGE : REFUND;
        return new Row(cell(cells, index, RMA), orderId, sku, quantity, cell(cells, index, REASON), wanted, requested,
                cell(cells, index, STATUS), cell(cells, index, CARRIER), cell(cells, index, TRACKING));
    }

    /**
     * One return per row. The id is Amazon's RMA id; when the report has several rows (SKUs) of one RMA, each row's
     * id is {@code <RMA>/<SKU>} (and {@code /2}, {@code /3} for the same SKU again). A row without an RMA id is
     * {@code <order id>/<SKU>/<request date>}. All rows of one return request share its date, so a report that
     * holds one of them holds all: the ids come out the same in every report that repeats the return.
     */
    private static List<PlatformReturn> returns(List<Row> rows) {
        Map<String, Integer> perRma = new HashMap<>();
        rows.forEach(row -> perRma.merge(key(row), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<PlatformReturn> returns = new ArrayList<>();
        for (Row row : rows) {
            String id = row.rma() == null ? row.orderId() + "/" + row.sku() + "/" + row.requested()
                    : perRma.get(key(row)) > 1 ? row.rma() + "/" + row.sku() : row.rma();
            int repeat = seen.merge(id, 1, Integer::sum);
            returns.add(new PlatformReturn(repeat == 1 ? id : id + "/" + repeat, row.orderId(), row.sku(),
                    row.quantity(), row.reason(), row.wanted(), requestedAt(row.requested()), row.status(),
                    row.carrier(), row.tracking()));
        }
        return returns;
    }

    /**
     * The instant a return request date stands for. The report gives only the day, so it is taken at 12:00 UTC,
     * which is the same calendar day in every time zone from UTC-11 to UTC+11: the stores' zones (US, Europe)
     * see the day Amazon reported, where midnight UTC would be the evening before in the Americas and move
     * return windows and refund deadlines a day earlier.
     */
    static Instant requestedAt(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }

    private static String key(Row row) {
        return row.rma() == null ? "order:" + row.orderId() : "rma:" + row.rma();
    }

    /** The cell's text, or null when it is empty (Amazon writes a single space into empty cells). */
    private static String cell(String[] cells, Map<String, Integer> index, String column) {
        int at = index.get(column);
        if (at >= cells.length) {
            return null;
        }
        String value = cells[at].strip();
        return value.isEmpty() ? null : value;
    }

    /** The day of a report date: {@code 14-Jul-2025}, {@code 2025-07-14} or an ISO date-time. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : List.of(AMAZON_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException tryNext) {
                // the next format
            }
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException none) {
            return null;
        }
    }

    private static ProviderFailure refused(String reportId, String why) {
        return new ProviderFailure(AmazonAdapter.PROVIDER, Kind.MALFORMED, 200, "Amazon returns report " + reportId
                + " (" + REPORT_TYPE + ") " + why);
    }
}
