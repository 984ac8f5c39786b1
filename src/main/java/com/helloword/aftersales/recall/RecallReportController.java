package com.helloword.aftersales.recall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/**
 * The recall report ({@link RecallReport}): {@code GET /api/recalls/{id}/report.html}, {@code report.pdf} and
 * {@code units.csv} (streamed). Recall managers, managers and admins; available at any time, with live figures
 * until the recall is closed. An unknown recall is 404 (after the access check, so nobody learns which exist).
 */
@RestController
@RequestMapping("/api/recalls/{id}")
class RecallReportController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RecallReport report;
    private final RecallRepository recalls;
    private final ApiAccess access;

    RecallReportController(RecallReport report, RecallRepository recalls, ApiAccess access) {
        this.report = report;
        this.recalls = recalls;
        this.access = access;
    }

    @GetMapping("/report.html")
    ResponseEntity<String> html(@PathVariable long id) {
        String key = requireRecall(id);
        // the page's own print stylesheet is allowed by PersonalDataHeaders' report policy, nothing else
        return ResponseEntity.ok().contentType(HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + key + "-report.html\"")
                .body(report.html(id));
    }

    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        String key = requireRecall(id);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        report.pdf(id, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + key + "-report.pdf\"")
                .body(pdf.toByteArray());
    }

    /** Written straight to the response as the rows come from the database. */
    @GetMapping("/units.csv")
    void units(@PathVariable long id, HttpServletResponse response) throws IOException {
        String key = requireRecall(id);
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-units.csv\"");
        Writer out = response.getWriter();
        report.unitsCsv(id, out);
        out.flush();
    }

    /** The recall's key for the file names; 403 before 404. */
    private String requireRecall(long id) {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS, Groups.RECALL_MANAGERS);
        return recalls.findById(id).map(r -> r.getRecallKey().replaceAll("[^A-Za-z0-9-]", ""))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No recall " + id));
    }
}
