package com.helloword.aftersales.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebhookBodyLimitFilterTest {

    @Test
    void aBodyWithinTheLimitReachesTheHandlerForBlockingAndAsyncReads() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/webhooks/17track");
        request.setContent("{\"event\":\"TRACKING_UPDATED\"}".getBytes(StandardCharsets.UTF_8));
        List<ServletRequest> passed = new ArrayList<>();

        new WebhookBodyLimitFilter(1024).doFilter(request, new MockHttpServletResponse(),
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

        new WebhookBodyLimitFilter(1024).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }
}
