package com.helloword.aftersales.sandbox;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;

/**
 * DHL for the demo, under {@code /sandbox/dhl} (the default {@code aftersales.providers.dhl.base-url},
 * which the returns API follows), in DHL's shapes: Shipment Tracking – Unified
 * ({@code GET /track/shipments}, header {@code DHL-API-Key}) and Parcel DE Returns
 * ({@code POST /parcel/de/shipping/returns/v1/orders}, {@code dhl-api-key} and HTTP Basic).
 * <p>
 * Tracking tells the journey of a case-file order whose carrier is DHL from its shipped and
 * delivered times, newest first as DHL lists them (a parcel still under way shows no scan later
 * than now; one the case file has delivered shows its delivery): {@code parcel-de} for
 * parcels to Germany, {@code ecommerce-europe} for the others; a number of no DHL order is DHL's 404
 * problem. A return label gets a new shipment number on every call, as at DHL, and its label is a
 * one-page PDF made here that says it is a sandbox label; the QR code DHL adds for
 * {@code labelType=BOTH} is left out, as is the routing code. Errors are RFC 7807 problem details.
 */
@RestController
@RequestMapping("/sandbox/dhl")
@ConditionalOnProperty(name = SandboxEnvironment.ENABLED, havingValue = "true")
class DhlSandbox {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final SalesOrderRepository orders;
    private final Environment environment;
    private final Clock clock;
    private final AtomicLong shipmentNumbers = new AtomicLong(999_990_000_000L);

    DhlSandbox(SalesOrderRepository orders, Environment environment, Clock clock) {
        this.orders = orders;
        this.environment = environment;
        this.clock = clock;
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<Object> refused(SandboxRefusal refusal) {
        return refusal.response();
    }

    // --- Shipment Tracking – Unified ----------------------------------------------------------

    @GetMapping("/track/shipments")
    @Transactional(readOnly = true)
    ResponseEntity<Object> track(@RequestHeader(name = "DHL-API-Key", required = false) String apiKey,
            @RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String service) {
        requireApiKey(apiKey);
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw problem(400, "Bad Request", "trackingNumber is required", null);
        }
        String number = trackingNumber.strip();
        SalesOrder order = orders.findByTrackingNumber(number).stream()
                .filter(o -> "DHL".equalsIgnoreCase(o.getCarrier()) && o.getShippedAt() != null).findFirst()
                .filter(o -> service == null || service.isBlank() || service.strip().equals(service(o)))
                .orElseThrow(() -> problem(404, "No result found", "No shipment with given tracking number found.",
                        "/shipment/" + number));
        List<Map<String, Object>> events = events(order);
        String query = "/shipments?trackingNumber=" + number + "&offset=0&limit=5";
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("id", number);
        shipment.put("service", service(order));
        shipment.put("origin", Map.of("address", Map.of("countryCode", "CN")));
        shipment.put("destination", Map.of("address", Map.of("countryCode", order.getDestinationCountry())));
        shipment.put("status", events.get(0));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("product", Map.of("productName", "parcel-de".equals(service(order)) ? "DHL PAKET"
                : "DHL Parcel Connect"));
        boolean delivered = "delivered".equals(events.get(0).get("statusCode"));
        details.put("proofOfDeliverySignedAvailable", delivered && order.getBuyer().getName() != null);
        if (delivered && order.getBuyer().getName() != null) {
            details.put("proofOfDelivery", Map.of("timestamp", events.get(0).get("timestamp"),
                    "signed", Map.of("@type", "Person", "name", order.getBuyer().getName())));
        }
        details.put("totalNumberOfPieces", 1);
        details.put("pieceIds", List.of(number));
        shipment.put("details", details);
        shipment.put("events", events);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", query);
        answer.put("firstUrl", query);
        answer.put("lastUrl", query);
        answer.put("shipments", List.of(shipment));
        return ResponseEntity.ok(answer);
    }

    private List<Map<String, Object>> events(SalesOrder order) {
        Instant shipped = order.getShippedAt();
        String destination = order.getDestinationCountry();
        List<Map<String, Object>> events = new ArrayList<>();
        Instant delivered = order.getDeliveredAt();
        if (delivered != null) {
            events.add(event(delivered, destination, "delivered", "DELIVERED",
                    "The shipment has been successfully delivered"));
            events.add(event(delivered.minus(Duration.ofHours(3)), destination, "transit", "IN DELIVERY",
                    "The shipment has been loaded onto the delivery vehicle"));
        }
        events.add(event(shipped.plus(Duration.ofHours(30)), destination, "transit", "PROCESSED",
                "The shipment has been processed in the parcel center of the destination country"));
        events.add(event(shipped.plus(Duration.ofHours(6)), "CN", "transit", "IN TRANSIT",
                "The shipment has left the export parcel center"));
        events.add(event(shipped, "CN", "pre-transit", "DATA RECEIVED",
                "The instruction data for this shipment have been provided by the sender to DHL electronically"));
        if (delivered != null) {
            return events;
        }
        Instant now = clock.instant();
        List<Map<String, Object>> happened = events.stream()
                .filter(e -> !Instant.parse((String) e.get("timestamp")).isAfter(now)).toList();
        return happened.isEmpty() ? events.subList(events.size() - 1, events.size()) : happened;
    }

    private static Map<String, Object> event(Instant at, String country, String statusCode, String status,
            String description) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", at.toString());
        event.put("location", Map.of("address", Map.of("countryCode", country)));
        event.put("statusCode", statusCode);
        event.put("status", status);
        event.put("description", description);
        return event;
    }

    private static String service(SalesOrder order) {
        return "DE".equals(order.getDestinationCountry()) ? "parcel-de" : "ecommerce-europe";
    }

    // --- Parcel DE Returns --------------------------------------------------------------------

    @PostMapping("/parcel/de/shipping/returns/v1/orders")
    ResponseEntity<Object> returnLabel(@RequestHeader(name = "dhl-api-key", required = false) String apiKey,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(defaultValue = "SHIPMENT_LABEL") String labelType,
            @RequestParam(defaultValue = "PDF") String docFormat, @RequestBody JsonNode order) {
        requireApiKey(apiKey);
        String user = environment.getProperty("aftersales.credentials.dhl-returns.returns-user");
        String password = environment.getProperty("aftersales.credentials.dhl-returns.returns-password");
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        if (user == null || password == null || !basic.equals(authorization)) {
            throw problem(401, "Unauthorized", "Unauthorized - wrong user or password of the business customer"
                    + " portal.", null);
        }
        if (!List.of("SHIPMENT_LABEL", "QR_LABEL", "BOTH").contains(labelType)) {
            throw problem(400, "Bad Request", "labelType must be SHIPMENT_LABEL, QR_LABEL or BOTH", null);
        }
        if (!"PDF".equals(docFormat)) {
            throw problem(400, "Bad Request", "the sandbox makes PDF labels only (docFormat=PDF)", null);
        }
        List<String> missing = new ArrayList<>();
        if (order.path("receiverId").asText("").isBlank()) {
            missing.add("receiverId");
        }
        JsonNode shipper = order.path("shipper");
        for (String field : List.of("name1", "addressStreet", "addressHouse", "postalCode", "city")) {
            if (shipper.path(field).asText("").isBlank()) {
                missing.add("shipper." + field);
            }
        }
        if (!missing.isEmpty()) {
            throw problem(400, "Bad Request", "Bad Request - missing " + String.join(", ", missing), null);
        }
        String shipmentNo = String.valueOf(shipmentNumbers.incrementAndGet());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sstatus", Map.of("title", "Created", "status", 201, "detail", "Created"));
        answer.put("shipmentNo", shipmentNo);
        answer.put("label", Map.of("b64", Base64.getEncoder().encodeToString(labelPdf(shipmentNo, order))));
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    /** A one-page PDF 1.4 (A6) with the label's data, offsets counted byte by byte. */
    static byte[] labelPdf(String shipmentNo, JsonNode order) {
        JsonNode shipper = order.path("shipper");
        List<String> lines = List.of("DHL Retoure - SANDBOX, NOT A REAL LABEL", "Sendungsnummer " + shipmentNo,
                "Empfaenger-ID " + order.path("receiverId").asText(),
                "Absender " + shipper.path("name1").asText(),
                shipper.path("addressStreet").asText() + " " + shipper.path("addressHouse").asText(),
                shipper.path("postalCode").asText() + " " + shipper.path("city").asText(),
                "Referenz " + order.path("customerReference").asText(""));
        StringBuilder text = new StringBuilder("BT /F1 11 Tf 14 TL 24 390 Td");
        for (String line : lines) {
            text.append(" (").append(pdfText(line)).append(") Tj T*");
        }
        text.append(" ET");
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Resources << /Font << /F1 4 0 R >> >>"
                        + " /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Text for a PDF string in a standard font: accents dropped, other non-ASCII as '?', delimiters escaped. */
    private static String pdfText(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder escaped = new StringBuilder();
        for (char c : plain.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c >= 32 && c < 127 ? c : '?');
            }
        }
        return escaped.toString();
    }

    // --- shared -------------------------------------------------------------------------------

    private void requireApiKey(String apiKey) {
        String expected = environment.getProperty("aftersales.credentials.dhl.api-key");
        if (expected == null || !expected.equals(apiKey)) {
            throw problem(401, "Unauthorized", "Unauthorized for given resource.", null);
        }
    }

    private static SandboxRefusal problem(int status, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return new SandboxRefusal(status, PROBLEM, problem);
    }
}
