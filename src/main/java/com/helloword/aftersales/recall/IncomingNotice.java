package com.helloword.aftersales.recall;

import java.util.List;

/**
 * A regulator's notice in one shape, whatever register it came from: what the import stores
 * ({@code reference ... publishedOn}) and what the catalogue is matched against (product names and types,
 * models, brands, barcodes as written).
 */
record IncomingNotice(NoticeSource source, String reference, String title, String hazard, String remedy, String url,
        String publishedOn, List<String> productNames, List<String> models, List<String> brands,
        List<String> barcodes) {

    /** {@code CPSC 26061}, {@code SAFETY_GATE A12/00123/25}: how people name a notice. */
    String label() {
        return source + " " + reference;
    }

    /** The words a keyword is looked for in: the title and the product names. */
    String text() {
        return title + " " + String.join(" ", productNames);
    }
}
