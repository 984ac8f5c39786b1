package com.helloword.aftersales.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;

/**
 * Which orders with a number belong to the e-mail address a buyer typed into the self-service form, checked
 * with the same steps whether or not an order has the number and the address is its buyer's: one lookup by
 * number, the SHA-256 digest of the given address, and a constant-time comparison with the digest of every
 * candidate's address; where no order has the number, one comparison with a digest no address has. So the
 * answer takes no shortcut that tells a stranger an order exists.
 */
@Component
class SelfServiceMatch {

    /** Compared with when no order has the number: no address digests to 32 zero bytes. */
    private static final byte[] NO_ADDRESS = new byte[32];

    private final SalesOrderRepository orders;

    SelfServiceMatch(SalesOrderRepository orders) {
        this.orders = orders;
    }

    /** The orders numbered {@code orderNumber} whose buyer has the address {@code email}; often none. */
    List<SalesOrder> ordersOf(String orderNumber, String email) {
        byte[] given = digest(Buyer.normaliseEmail(email));
        List<SalesOrder> candidates = orders.findAllWithLines(orderNumber.strip());
        List<SalesOrder> matching = new ArrayList<>();
        if (candidates.isEmpty()) {
            sameDigest(given, NO_ADDRESS);
        }
        for (SalesOrder candidate : candidates) {
            String known = candidate.getBuyer().getEmail();
            if (sameDigest(given, known == null ? NO_ADDRESS : digest(known))) {
                matching.add(candidate);
            }
        }
        return matching;
    }

    /** In constant time: as long for two digests that differ in the first byte as in the last. */
    boolean sameDigest(byte[] given, byte[] known) {
        return MessageDigest.isEqual(given, known);
    }

    static byte[] digest(String address) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
