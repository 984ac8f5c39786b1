package com.helloword.aftersales.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * A page made from a template (well-formed XHTML with its own print stylesheet) as PDF, by openhtmltopdf: the
 * recall's regulator report and a dispute's evidence pack.
 */
public final class PdfPages {

    private PdfPages() {
    }

    /** Writes the page as PDF to {@code out}, which stays open; {@code what} names it in an error. */
    public static void write(String xhtml, OutputStream out, String what) {
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of " + what + " could not be written", e);
        }
    }
}
