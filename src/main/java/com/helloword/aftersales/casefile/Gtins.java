package com.helloword.aftersales.casefile;

import java.util.Optional;

/**
 * Barcodes of the GS1 family (GTIN-8, UPC-A = GTIN-12, EAN-13 = GTIN-13, GTIN-14) in one comparable form: the
 * digits only, left-padded with zeros to 14. So a UPC-A {@code 012345678905} and the EAN-13 {@code 0012345678905}
 * that a European register prints for the same product are the same GTIN.
 */
public final class Gtins {

    private Gtins() {
    }

    /**
     * The 14-digit form of a barcode as written (spaces, dashes and other separators dropped), or empty when its
     * digits are not 8, 12, 13 or 14 long. The check digit is not checked here ({@link #checkDigitValid}).
     */
    public static Optional<String> normalise(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String digits = written.replaceAll("\\D", "");
        int length = digits.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return Optional.empty();
        }
        return Optional.of("0".repeat(14 - length) + digits);
    }

    /** Whether the last digit of a normalised GTIN is the GS1 check digit of the others (weights 3, 1 from the right). */
    public static boolean checkDigitValid(String gtin14) {
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            int digit = gtin14.charAt(i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10 == gtin14.charAt(13) - '0';
    }
}
