package com.helloword.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodyLimitFilterTest {

    @Test
    void aBodyWithinTheLimitReachesTheHandlerForBlockingAndAsyncReads() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/webhooks/17track");
        request.setContent("{\"event\":\"TRACKING_UPDATED\"}".getBytes(StandardCharsets.UTF_8));
        List<ServletRequest> passed = new ArrayList<>();

        new BodyLimitFilter(1024, "A webhook body").doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain() {
                    @Override
                    public void doFilter(ServletRequest req, ServletResponse res) {
                        passed.add(req);
                    }
                });

        ServletInputStream body = passed.get(0).getInputStream();
        List<String> events = new ArrayList<>();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        body.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                events.add("data");
                read.write(body.readAllBytes());
            }

            @Override
            public void onAllDataRead() {
                events.add("done");
            }

            @Override
            public void onError(Throwable t) {
                events.add("error");
            }
        });
        assertThat(events).containsExactly("data", "done");
        assertThat(read.toString(StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"TRACKING_UPDATED\"}");
        assertThat(body.isFinished()).isTrue();
    }

    @Test
    void aBodyOverTheLimitIs413WithoutReachingTheHandler() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/webhooks/17track");
        request.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new BodyLimitFilter(1024, "A webhook body").doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("A webhook body may be at most 1024 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    /** A chunked body declares no length: it is refused as soon as the byte past the limit is read. */
    @Test
    void aBodyWithoutDeclaredLengthIsRefusedWhileReadingWithoutReadingItAll() throws Exception {
        byte[] content = new byte[64 * 1024];
        CountingRequest request = new CountingRequest(content);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new BodyLimitFilter(1024, "A message").doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
        assertThat(request.read).isEqualTo(1025);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingAByte() throws Exception {
        CountingRequest request = new CountingRequest(new byte[10]);
        request.declared = 4096;
        MockHttpServletResponse response = new MockHttpServletResponse();

        new BodyLimitFilter(1024, "A message").doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(request.read).isZero();
    }

    @Test
    void aPathWithALimitOfItsOwnIsLeftToIt() throws Exception {
        BodyLimitFilter filter = new BodyLimitFilter(16, "A request body", Set.of("/api/webhooks/", "/api/orders/import"));
        for (String path : List.of("/api/webhooks/paypal", "/api/orders/import")) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
            request.setServletPath(path);
            request.setContent(new byte[2048]);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(request, response, chain);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(chain.getRequest()).as(path).isSameAs(request);
        }
        MockHttpServletRequest other = new MockHttpServletRequest("POST", "/api/orders/import/more");
        other.setServletPath("/api/orders/import/more");
        other.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(other, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
    }

    /** A request whose body declares no length (as chunked), counting the bytes read from it. */
    private static final class CountingRequest extends MockHttpServletRequest {
        final java.io.InputStream in;
        long declared = -1;
        int read;

        CountingRequest(byte[] content) {
            super("POST", "/api/intake/messages");
            this.in = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(content)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    CountingRequest.this.read += b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    CountingRequest.this.read += Math.max(0, n);
                    return n;
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return declared;
        }

        @Override
        public int getContentLength() {
            return (int) declared;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(in);
        }
    }
}
