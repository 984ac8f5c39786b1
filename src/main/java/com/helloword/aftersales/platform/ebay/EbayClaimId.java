package com.helloword.aftersales.platform.ebay;

import java.util.Locale;

/**
 * A claim id as the eBay adapter takes it: {@code case:<caseId>}, {@code inquiry:<inquiryId>} or
 * {@code return:<returnId>} (Post-Order API v2 ids); a bare id is read as the kind the operation expects.
 */
record EbayClaimId(Kind kind, String id) {

    /** The Post-Order resources a claim can be. */
    enum Kind {
        /** an eBay Money Back Guarantee case: an escalated inquiry or return */
        CASE,
        /** an item-not-received inquiry */
        INQUIRY,
        /** a return request */
        RETURN
    }

    static EbayClaimId parse(String claimId, Kind bare) {
        if (claimId == null || claimId.isBlank()) {
            throw new IllegalArgumentException("no eBay claim id");
        }
        int colon = claimId.indexOf(':');
        if (colon < 0) {
            return new EbayClaimId(bare, claimId.strip());
        }
        String id = claimId.substring(colon + 1).strip();
        Kind kind = switch (claimId.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
            case "case" -> Kind.CASE;
            case "inquiry" -> Kind.INQUIRY;
            case "return" -> Kind.RETURN;
            default -> throw new IllegalArgumentException("eBay claim id " + claimId
                    + " is none of case:<id>, inquiry:<id>, return:<id>");
        };
        if (id.isEmpty()) {
            throw new IllegalArgumentException("eBay claim id " + claimId + " has no id after the colon");
        }
        return new EbayClaimId(kind, id);
    }
}
