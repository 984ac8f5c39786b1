package com.helloword.aftersales.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.helloword.aftersales.security.ApiAccess;
import com.helloword.aftersales.security.Groups;

/** {@code POST /api/orders/import}: orders as a JSON array or as CSV, upserted all or nothing. */
@RestController
class OrderImportController {

    private final OrderImportService importService;
    private final ApiAccess access;
    private final long maxBodyBytes;

    OrderImportController(OrderImportService importService, ApiAccess access,
            @Value("${aftersales.importing.max-body-bytes}") long maxBodyBytes) {
        this.importService = importService;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping(path = "/api/orders/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    OrderImportResult importJson(HttpServletRequest request) throws IOException {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS);
        return importService.importJson(body(request));
    }

    @PostMapping(path = "/api/orders/import", consumes = "text/csv")
    OrderImportResult importCsv(HttpServletRequest request,
            @RequestHeader(name = "Content-Type") MediaType contentType) throws IOException {
        access.requireAnyGroup(Groups.CAMUNDA_ADMIN, Groups.MANAGERS);
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        try (Reader reader = withoutByteOrderMark(new InputStreamReader(body(request), charset))) {
            return importService.importCsv(reader);
        }
    }

    private InputStream body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        return new BoundedInputStream(request.getInputStream(), maxBodyBytes, this::tooLarge);
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
                "An import may be at most " + maxBodyBytes + " bytes; split the file");
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
