package com.helloword.aftersales.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * The catalogue import ({@code POST /api/catalogue/products}): a JSON array of products, each upserted by SKU.
 * All or nothing: one product at fault refuses the whole import with every problem, by position (line = the
 * product's place in the array, from 1) and field.
 */
@Service
public class CatalogueImport {

    /** What an import did. */
    public record Result(int created, int updated, int unchanged) {
    }

    static final class Rejected extends RejectedRequest {
        Rejected(List<FieldProblem> problems) {
            super("The catalogue import cannot be taken; nothing of it was written", problems);
        }
    }

    private static final Set<String> FIELDS = Set.of("sku", "title", "brand", "model", "gtins", "keywords");
    private static final int KEYWORD_MAX = 100;

    private final CatalogueProductRepository products;
    private final Clock clock;

    CatalogueImport(CatalogueProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** Checks every product and writes them all, or refuses with every problem and writes nothing. */
    @Transactional
    public Result importProducts(JsonNode body) {
        List<CatalogueProduct.Details> checked = check(body);
        return upsert(checked);
    }

    /** Writes products already checked (the demo's catalogue, for one). */
    @Transactional
    public Result upsert(List<CatalogueProduct.Details> checked) {
        Map<String, CatalogueProduct> known = products.findBySkuIn(
                checked.stream().map(CatalogueProduct.Details::sku).toList()).stream()
                .collect(Collectors.toMap(CatalogueProduct::getSku, Function.identity()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (CatalogueProduct.Details details : checked) {
            CatalogueProduct product = known.get(details.sku());
            if (product == null) {
                products.save(new CatalogueProduct(details, clock.instant()));
                created++;
            } else if (product.apply(details, clock.instant())) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return new Result(created, updated, unchanged);
    }

    static List<CatalogueProduct.Details> check(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw new Rejected(List.of(FieldProblem.of("body", "a JSON array of products, at least one")));
        }
        List<CatalogueProduct.Details> checked = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            int line = i + 1;
            JsonNode product = body.get(i);
            if (!product.isObject()) {
                problems.add(FieldProblem.atLine(line, "body", "each product is a JSON object"));
                continue;
            }
            for (Iterator<String> names = product.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problems.add(FieldProblem.atLine(line, name, "is not a field of a product (" + String.join(", ",
                            new java.util.TreeSet<>(FIELDS)) + ")"));
                }
            }
            String sku = text(product, "sku", true, 100, line, problems);
            if (sku != null && !skus.add(sku)) {
                problems.add(FieldProblem.atLine(line, "sku", "'" + sku + "' is named twice in this import"));
            }
            String title = text(product, "title", true, 300, line, problems);
            String brand = text(product, "brand", false, 200, line, problems);
            String model = text(product, "model", false, 200, line, problems);
            List<String> gtins = new ArrayList<>();
            for (Map.Entry<String, String> written : list(product, "gtins", line, problems).entrySet()) {
                String gtin = Gtins.normalise(written.getValue()).orElse(null);
                if (gtin == null) {
                    problems.add(FieldProblem.atLine(line, written.getKey(), "'" + written.getValue()
                            + "' is no GTIN: 8, 12 (UPC-A), 13 (EAN-13) or 14 digits"));
                } else if (!Gtins.checkDigitValid(gtin)) {
                    problems.add(FieldProblem.atLine(line, written.getKey(), "'" + written.getValue()
                            + "' has a wrong check digit"));
                } else if (!gtins.contains(gtin)) {
                    gtins.add(gtin);
                }
            }
            List<String> keywords = new ArrayList<>();
            for (Map.Entry<String, String> written : list(product, "keywords", line, problems).entrySet()) {
                String keyword = written.getValue().strip();
                if (keyword.isEmpty() || keyword.length() > KEYWORD_MAX || keyword.contains("|")) {
                    problems.add(FieldProblem.atLine(line, written.getKey(), "a keyword is 1 to " + KEYWORD_MAX
                            + " characters, without '|'"));
                } else if (!keywords.contains(keyword)) {
                    keywords.add(keyword);
                }
            }
            if (String.join("|", keywords).length() > 2000 || String.join(",", gtins).length() > 1000) {
                problems.add(FieldProblem.atLine(line, "keywords", "too many keywords or GTINs for one product"));
            }
            checked.add(new CatalogueProduct.Details(sku, title, brand, model, gtins, keywords));
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return checked;
    }

    private static String text(JsonNode product, String field, boolean required, int max, int line,
            List<FieldProblem> problems) {
        JsonNode value = product.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            if (required) {
                problems.add(FieldProblem.atLine(line, field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(FieldProblem.atLine(line, field, "is a string"));
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            problems.add(FieldProblem.atLine(line, field, "is at most " + max + " characters"));
            return null;
        }
        return text;
    }

    /** The strings of an array field by their path ({@code gtins[0]}); none when absent. */
    private static Map<String, String> list(JsonNode product, String field, int line, List<FieldProblem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode array = product.get(field);
        if (array == null || array.isNull()) {
            return values;
        }
        if (!array.isArray()) {
            problems.add(FieldProblem.atLine(line, field, "is an array of strings"));
            return values;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String path = field + "[" + i + "]";
            if (item.isTextual() || item.isIntegralNumber()) {
                values.put(path, item.asText());
            } else {
                problems.add(FieldProblem.atLine(line, path, "is a string"));
            }
        }
        return values;
    }
}
