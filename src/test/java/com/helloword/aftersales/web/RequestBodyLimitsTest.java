package com.helloword.aftersales.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.helloword.aftersales.support.Http;
import com.helloword.aftersales.support.IntegrationTest;

/**
 * Every JSON body of {@code /api} and every webhook body is refused with 413 while it is read, before it is
 * parsed, also when it comes chunked (no {@code Content-Length}): a 10 MB buyer message used to be parsed whole
 * and then refused with 400.
 */
@IntegrationTest
class RequestBodyLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    WireMockServer providerStubs;
    @Value("${aftersales.intake.max-body-bytes}")
    long intakeLimit;
    @Value("${aftersales.api.max-body-bytes}")
    long apiLimit;
    @Value("${aftersales.webhooks.max-body-bytes}")
    long webhookLimit;
    @Value("${aftersales.importing.max-body-bytes}")
    long importLimit;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Authorization header of a demo login ("name", password = name) or a token ({@link Http#RELAY}). */
    private static String basic(String user) {
        if (user.startsWith("Bearer ")) {
            return user;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON object whose string member {@code padding} makes the whole body {@code size} bytes. */
    private static InputStream jsonOfSize(String head, long size) {
        byte[] start = (head + "\"padding\": \"").getBytes(StandardCharsets.UTF_8);
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(start),
                repeated('a', size - start.length - end.length), new ByteArrayInputStream(end))));
    }

    private static InputStream repeated(char c, long count) {
        return new InputStream() {
            long left = count;

            @Override
            public int read() {
                return left-- > 0 ? c : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) c);
                left -= n;
                return n;
            }
        };
    }

    /** An answer as read off the socket. */
    record Answer(int status, String body, long sentWhenAnswered) {
    }

    /**
     * Sends {@code body} chunked (no {@code Content-Length}) on a plain socket, up to {@code gate} bytes, then
     * waits up to 30 s for the answer before sending the rest; reads the answer meanwhile. A socket rather than
     * {@code java.net.http.HttpClient} (whose {@code BodyPublishers.ofInputStream} sends chunked as well): it
     * lets the test see how much of the body was out when the answer came, and it does not drop an answer that
     * arrives while the body is still being sent.
     */
    private Answer chunked(String path, String user, InputStream body, long gate) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(90_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n" + (user == null ? "" : "Authorization: " + basic(user) + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            CountDownLatch answered = new CountDownLatch(1);
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    boolean waited = false;
                    int n;
                    while ((n = body.read(buffer, 0, (int) Math.min(buffer.length,
                            waited ? buffer.length : Math.max(1, gate - sent.get())))) > 0) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(buffer, 0, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(n);
                        if (!waited && sent.get() >= gate) {
                            waited = true;
                            if (answered.await(30, TimeUnit.SECONDS)) {
                                return; // answered: the rest is not sent
                            }
                        }
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException | InterruptedException closedByTheServer) {
                    // the server may close the connection under a body it does not read
                }
            });
            writer.start();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            long sentWhenAnswered = sent.get();
            answered.countDown();
            Map<String, String> headers = new java.util.HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                answer.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line(in);
                }
            }
            writer.join(60_000);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), answer.toString(StandardCharsets.UTF_8),
                    sentWhenAnswered);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static final long GATE_MARGIN = 64 * 1024;

    private Answer overLimit(String path, String user, InputStream body, long limit) throws Exception {
        return chunked(path, user, body, limit + GATE_MARGIN);
    }

    private Answer small(String path, String user, String json) throws Exception {
        return chunked(path, user, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
    }

    private static String detail(Answer answer) throws IOException {
        return JSON.readTree(answer.body()).path("detail").asText();
    }

    private static String intakeHead() {
        return "{\"storeId\": \"amazon-de\", \"channel\": \"api\", \"externalMessageId\": \"size-" + UUID.randomUUID()
                + "\", \"buyerEmail\": \"size.test@example.de\", \"subject\": \"Wo ist mein Paket?\", "
                + "\"body\": \"Hallo, mein Paket ist nicht angekommen.\", ";
    }

    @Test
    void aChunkedTenMegabyteBuyerMessageIs413WhileItIsReadBeforeItIsParsed() throws Exception {
        Answer answer = overLimit("/api/intake/messages", Http.RELAY, jsonOfSize(intakeHead(), 10_000_000), intakeLimit);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(detail(answer)).isEqualTo("A message may be at most " + intakeLimit + " bytes");
        assertThat(answer.sentWhenAnswered()).as("answered before the rest of the 10 MB was sent")
                .isLessThanOrEqualTo(intakeLimit + GATE_MARGIN);
    }

    @Test
    void aBuyerMessageOverTheLimitWithItsLengthDeclaredIs413AndOneWithinGoesThroughChunked() throws Exception {
        HttpResponse<String> declared = new Http(port).post("/api/intake/messages", Http.RELAY, "application/json",
                jsonOfSize(intakeHead(), intakeLimit + 1).readAllBytes());
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);

        Answer within = small("/api/intake/messages", Http.RELAY, intakeHead() + "\"platformOrderId\": null}");
        assertThat(within.status()).as(within.body()).isIn(200, 201);
    }

    @Test
    void anyOtherApiBodyOverTheLimitIs413WhileItIsReadAndAStrangerIs401Unread() throws Exception {
        Answer answer = overLimit("/api/returns", "leo", jsonOfSize("{", 10_000_000), apiLimit);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(detail(answer)).isEqualTo("A request body may be at most " + apiLimit + " bytes");
        assertThat(answer.sentWhenAnswered()).isLessThanOrEqualTo(apiLimit + GATE_MARGIN);

        Answer stranger = chunked("/api/returns", null, jsonOfSize("{", 10_000_000), GATE_MARGIN);
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.sentWhenAnswered()).as("answered without reading the body").isLessThanOrEqualTo(GATE_MARGIN);

        Answer within = small("/api/returns", "leo", "{\"storeId\": \"nowhere\"}");
        assertThat(within.status()).as("within the limit the controller answers: " + within.body())
                .isNotIn(413, 500);
    }

    @Test
    void aChunkedWebhookOverTheLimitIs413AndPaypalIsNotAsked() throws Exception {
        providerStubs.resetRequests();
        Answer answer = overLimit("/api/webhooks/paypal", null, jsonOfSize("{", 10_000_000), webhookLimit);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.sentWhenAnswered()).isLessThanOrEqualTo(webhookLimit + GATE_MARGIN);
        assertThat(providerStubs.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** The import streams its file (no copy in memory) and stops reading at its own, larger limit. */
    @Test
    void aChunkedOrderImportOverItsLimitIs413WhileItIsRead() throws Exception {
        Answer answer = overLimit("/api/orders/import", "demo", new SequenceInputStream(
                new ByteArrayInputStream(new byte[] {'['}), repeated(' ', importLimit + 10_000_000)), importLimit);

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.sentWhenAnswered()).isLessThanOrEqualTo(importLimit + GATE_MARGIN);
    }
}
