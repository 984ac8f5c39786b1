package com.helloword.aftersales.orders;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV format: a header row, then one row per order line; rows of the same (store, order)
 * form one order and must agree on the order's fields.
 */
final class CsvOrderReader {

    static final Set<OrderField> REQUIRED_COLUMNS = EnumSet.of(OrderField.STORE_ID, OrderField.PLATFORM_ORDER_ID,
            OrderField.BUYER_EMAIL, OrderField.DESTINATION_COUNTRY, OrderField.CURRENCY, OrderField.ORDERED_AT,
            OrderField.STATUS, OrderField.SKU, OrderField.QUANTITY, OrderField.UNIT_PRICE);
    private static final Set<OrderField> LINE_FIELDS = EnumSet.of(OrderField.SKU, OrderField.BATCH,
            OrderField.TITLE, OrderField.QUANTITY, OrderField.UNIT_PRICE);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private CsvOrderReader() {
    }

    static List<RawOrder> read(Reader reader, ProblemCollector problems) throws IOException {
        Map<String, RawOrder> orders = new LinkedHashMap<>();
        try (CSVParser parser = FORMAT.parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (!hasColumns(header, problems)) {
                return List.of();
            }
            Iterator<CSVRecord> records = parser.iterator();
            long lineAfterPrevious = parser.getCurrentLineNumber();
            while (true) {
                int line = (int) lineAfterPrevious + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(line, "csv", "malformed CSV: " + e.getMessage());
                    break;
                }
                lineAfterPrevious = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    problems.add(line, "csv", "has " + record.size() + " values but the header has " + header.size());
                    continue;
                }
                addRow(orders, line, record, problems);
            }
        }
        return new ArrayList<>(orders.values());
    }

    private static boolean hasColumns(Map<String, Integer> header, ProblemCollector problems) {
        boolean complete = true;
        for (OrderField column : REQUIRED_COLUMNS) {
            if (header == null || !header.containsKey(column.csvName)) {
                problems.add(1, column.csvName, "column is missing from the header row");
                complete = false;
            }
        }
        return complete;
    }

    private static void addRow(Map<String, RawOrder> orders, int line, CSVRecord record, ProblemCollector problems) {
        Map<OrderField, String> orderValues = new EnumMap<>(OrderField.class);
        Map<OrderField, String> lineValues = new EnumMap<>(OrderField.class);
        for (OrderField field : OrderField.values()) {
            if (record.isMapped(field.csvName)) {
                String value = record.get(field.csvName);
                (LINE_FIELDS.contains(field) ? lineValues : orderValues).put(field, value.isEmpty() ? null : value);
            }
        }
        String store = orderValues.get(OrderField.STORE_ID);
        String orderId = orderValues.get(OrderField.PLATFORM_ORDER_ID);
        String key = store == null || orderId == null ? "line " + line : store + '\u0000' + orderId;
        RawOrder order = orders.get(key);
        if (order == null) {
            order = new RawOrder(line, orderValues);
            orders.put(key, order);
        } else {
            for (Map.Entry<OrderField, String> value : orderValues.entrySet()) {
                String first = order.value(value.getKey());
                if (!Objects.equals(first, value.getValue())) {
                    problems.add(line, value.getKey().csvName, "is '" + Objects.toString(value.getValue(), "")
                            + "' but line " + order.line() + " of the same order says '"
                            + Objects.toString(first, "") + "'");
                }
            }
        }
        order.addLine(new RawOrder.RawLine(line, "", lineValues));
    }
}
