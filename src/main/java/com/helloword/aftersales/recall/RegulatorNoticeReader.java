package com.helloword.aftersales.recall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helloword.aftersales.web.FieldProblem;
import com.helloword.aftersales.web.RejectedRequest;

/**
 * Reads the body of {@code POST /api/recalls/regulator-notices}: the US CPSC Recalls REST web service's JSON (an
 * array of recalls with {@code RecallNumber}, {@code Title}, {@code Products} ...) or the EU Safety Gate export
 * ({@code {"notifications": [...]}} or an array of alerts with {@code reference}); which one by the shape, or as
 * {@code ?source=cpsc|safety-gate} says. Refuses with every reason when the body is neither, or a notice lacks
 * its reference or title.
 */
@Component
class RegulatorNoticeReader {

    static final class Rejected extends RejectedRequest {
        Rejected(List<FieldProblem> problems) {
            super("The regulator notices cannot be imported; nothing of them was stored", problems);
        }
    }

    /** Runs of 8 to 14 digits, single spaces or dashes between them allowed (how barcodes are printed). */
    private static final Pattern BARCODE = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){7,13}(?!\\d)");
    /** How a register separates several models in one field. */
    private static final Pattern MODEL_SEPARATORS = Pattern.compile("\\s*(?:[,;/]|\\band\\b)\\s*");

    private final ObjectMapper json;

    RegulatorNoticeReader(ObjectMapper json) {
        this.json = json;
    }

    List<IncomingNotice> read(String body, String sourceParameter) {
        NoticeSource asked = null;
        if (sourceParameter != null && !sourceParameter.isBlank()) {
            asked = NoticeSource.ofParameter(sourceParameter.strip()).orElseThrow(() -> refuse("source",
                    "'" + sourceParameter + "' is not cpsc or safety-gate"));
        }
        if (body == null || body.isBlank()) {
            throw refuse("body", "the CPSC recalls (a JSON array) or the Safety Gate alerts are missing");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw refuse("body", "is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        NoticeSource source = asked != null ? asked : detect(tree);
        JsonNode items = source == NoticeSource.SAFETY_GATE && tree.isObject() ? tree.path("notifications") : tree;
        if (!items.isArray() || items.isEmpty()) {
            throw refuse("body", source == NoticeSource.CPSC ? "the CPSC answer is a non-empty JSON array of recalls"
                    : "the Safety Gate export is {\"notifications\": [...]} or a non-empty array of alerts");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<IncomingNotice> notices = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "[" + i + "].";
            if (!item.isObject()) {
                problems.add(FieldProblem.of("[" + i + "]", "each notice is a JSON object"));
                continue;
            }
            try {
                IncomingNotice notice = source == NoticeSource.CPSC
                        ? cpsc(json.treeToValue(item, CpscRecall.class), at, problems)
                        : safetyGate(json.treeToValue(item, SafetyGateAlert.class), at, problems);
                if (notice != null) {
                    notices.add(notice);
                }
            } catch (JsonProcessingException e) {
                String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                        && !mapping.getPath().isEmpty() ? mapping.getPath().get(0).getFieldName() : "";
                problems.add(FieldProblem.of(at + (field == null ? "" : field), "does not have the shape of a "
                        + (source == NoticeSource.CPSC ? "CPSC recall" : "Safety Gate alert")));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems);
        }
        return notices;
    }

    /** CPSC answers an array of recalls with RecallNumber or RecallID; Safety Gate's alerts carry a reference. */
    private static NoticeSource detect(JsonNode tree) {
        if (tree.isObject() && tree.has("notifications")) {
            return NoticeSource.SAFETY_GATE;
        }
        if (tree.isArray() && !tree.isEmpty() && tree.get(0).isObject()) {
            JsonNode first = tree.get(0);
            if (first.has("RecallNumber") || first.has("RecallID")) {
                return NoticeSource.CPSC;
            }
            if (first.has("reference")) {
                return NoticeSource.SAFETY_GATE;
            }
        }
        throw refuse("body", "neither a CPSC recalls answer (an array of recalls with RecallNumber) nor a Safety "
                + "Gate export (notifications with a reference); say which with ?source=cpsc or ?source=safety-gate");
    }

    private static IncomingNotice cpsc(CpscRecall recall, String at, List<FieldProblem> problems) {
        String reference = blank(recall.recallNumber()) ? (recall.recallId() == null ? null
                : recall.recallId().toString()) : recall.recallNumber().strip();
        String title = required(recall.title(), at + "Title", problems);
        if (reference == null) {
            problems.add(FieldProblem.of(at + "RecallNumber", "is required (or RecallID)"));
        }
        if (reference == null || title == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (CpscRecall.Product product : recall.products()) {
            Stream.of(product.name(), product.type()).filter(t -> !blank(t)).forEach(names::add);
            models.addAll(models(product.model()));
        }
        List<String> brands = Stream.of(recall.manufacturers(), recall.importers(), recall.distributors())
                .flatMap(List::stream).map(CpscRecall.Named::name).filter(n -> !blank(n)).toList();
        List<String> barcodes = recall.productUpcs().stream().map(CpscRecall.Upc::upc).filter(u -> !blank(u))
                .toList();
        String hazard = join(recall.hazards().stream().map(CpscRecall.Hazard::name));
        String remedy = join(recall.remedies().stream().map(CpscRecall.Named::name));
        return new IncomingNotice(NoticeSource.CPSC, reference, title, hazard, remedy, recall.url(),
                recall.recallDate(), names, models, brands, barcodes);
    }

    private static IncomingNotice safetyGate(SafetyGateAlert alert, String at, List<FieldProblem> problems) {
        String reference = required(alert.reference(), at + "reference", problems);
        String product = Stream.of(alert.name(), alert.product()).filter(t -> !blank(t) && !t.equalsIgnoreCase(
                "unknown")).findFirst().orElse(null);
        if (product == null) {
            problems.add(FieldProblem.of(at + "product", "is required (or name)"));
        }
        if (reference == null || product == null) {
            return null;
        }
        String brand = blank(alert.brand()) || alert.brand().equalsIgnoreCase("unknown") ? null : alert.brand();
        String title = brand == null ? product : brand + " " + product;
        List<String> names = Stream.of(alert.product(), alert.name(), alert.category()).filter(t -> !blank(t))
                .filter(t -> !t.equalsIgnoreCase("unknown")).distinct().toList();
        List<String> barcodes = new ArrayList<>();
        for (String text : Stream.of(alert.barcode(), alert.batchNumberBarcode()).filter(Objects::nonNull).toList()) {
            Matcher digits = BARCODE.matcher(text);
            while (digits.find()) {
                barcodes.add(digits.group());
            }
        }
        String hazard = join(Stream.of(alert.riskType(), alert.danger()));
        return new IncomingNotice(NoticeSource.SAFETY_GATE, reference.strip(), title, hazard, alert.measures(),
                alert.url(), alert.publicationDate(), names, models(alert.typeNumberOfModel()),
                brand == null ? List.of() : List.of(brand), barcodes);
    }

    private static List<String> models(String written) {
        if (blank(written) || written.equalsIgnoreCase("unknown")) {
            return List.of();
        }
        return Stream.of(MODEL_SEPARATORS.split(written.strip())).filter(m -> !m.isBlank()).toList();
    }

    private static String required(String value, String field, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(FieldProblem.of(field, "is required"));
            return null;
        }
        return value.strip();
    }

    private static String join(Stream<String> values) {
        String joined = String.join("; ", values.filter(v -> !blank(v)).map(String::strip).distinct().toList());
        return joined.isEmpty() ? null : joined;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Rejected refuse(String field, String reason) {
        return new Rejected(List.of(FieldProblem.of(field, reason)));
    }
}
