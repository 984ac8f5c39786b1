package com.helloword.aftersales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    @Test
    void readsUpToTheLimitAndRefusesMore() throws IOException {
        byte[] body = new byte[100];
        try (var exact = new BoundedInputStream(new ByteArrayInputStream(body), 100, IllegalStateException::new)) {
            assertThat(exact.readAllBytes()).hasSize(100);
        }
        try (var over = new BoundedInputStream(new ByteArrayInputStream(body), 99,
                () -> new IllegalStateException("too large"))) {
            assertThatThrownBy(over::readAllBytes).hasMessage("too large");
        }
    }
}
