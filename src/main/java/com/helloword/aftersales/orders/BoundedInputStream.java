package com.helloword.aftersales.orders;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Reads at most {@code limit} bytes, then throws what the supplier gives (a 413 for requests). */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> overLimit;
    private long count;

    BoundedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> overLimit) {
        super(in);
        this.limit = limit;
        this.overLimit = overLimit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw overLimit.get();
        }
    }
}
