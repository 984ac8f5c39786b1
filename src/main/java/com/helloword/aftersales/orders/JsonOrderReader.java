package com.helloword.aftersales.orders;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON format, an array of orders, one order at a time so each keeps the line it starts
 * on; a problem in an order or one of its lines is reported at that line.
 */
final class JsonOrderReader {

    private JsonOrderReader() {
    }

    static List<RawOrder> read(InputStream in, ObjectMapper mapper, ProblemCollector problems) throws IOException {
        List<RawOrder> orders = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(1, "$", "expected a JSON array of orders");
                return orders;
            }
            int index = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token == null) {
                    problems.add(line, "$", "the array of orders is not closed");
                    break;
                }
                JsonNode node = mapper.readTree(parser);
                if (!node.isObject()) {
                    problems.add(line, "[" + index + "]", "expected an order object");
                } else {
                    orders.add(toRawOrder(line, node, problems));
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(line, "json", "malformed JSON: " + e.getOriginalMessage());
        }
        return orders;
    }

    private static RawOrder toRawOrder(int line, JsonNode node, ProblemCollector problems) {
        Map<OrderField, String> values = new EnumMap<>(OrderField.class);
        RowChecker check = problems.at(line);
        for (OrderField field : OrderField.values()) {
            String[] path = field.jsonName.split("\\.");
            JsonNode value = path.length == 1 ? node.get(path[0]) : node.path(path[0]).get(path[1]);
            values.put(field, scalar(check, field.jsonName, value));
        }
        RawOrder order = new RawOrder(line, values);
        JsonNode lines = node.get("lines");
        if (lines != null && !lines.isArray()) {
            check.problem("lines", "must be an array of order lines");
            return order;
        }
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                String prefix = "lines[" + i + "].";
                Map<OrderField, String> lineValues = new EnumMap<>(OrderField.class);
                for (OrderField field : List.of(OrderField.SKU, OrderField.BATCH, OrderField.TITLE,
                        OrderField.QUANTITY, OrderField.UNIT_PRICE)) {
                    lineValues.put(field, scalar(check, prefix + field.jsonName, lines.get(i).get(field.jsonName)));
                }
                order.addLine(new RawOrder.RawLine(line, prefix, lineValues));
            }
        }
        return order;
    }

    private static String scalar(RowChecker check, String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            check.problem(field, "must be a text or a number, not " + value.getNodeType().name().toLowerCase());
            return null;
        }
        return value.asText();
    }
}
