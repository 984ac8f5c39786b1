package com.helloword.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.SalesOrder;
import com.helloword.aftersales.casefile.SalesOrderRepository;

/**
 * The self-service form's check takes the same steps whether the order exists and the address is its buyer's,
 * the address is another, or no order has the number: one lookup by number and one constant-time comparison of
 * digests per order found, one when none is found. (Checked by the steps, not by timing.)
 */
class SelfServiceMatchTest {

    final SalesOrderRepository orders = mock(SalesOrderRepository.class);
    final SalesOrder order = mock(SalesOrder.class);

    SelfServiceMatch match() {
        Buyer buyer = mock(Buyer.class);
        when(buyer.getEmail()).thenReturn("anna.fischer@example.de");
        when(order.getBuyer()).thenReturn(buyer);
        when(orders.findAllWithLines("302-1234567-7654321")).thenReturn(List.of(order));
        when(orders.findAllWithLines("302-0000000-0000000")).thenReturn(List.of());
        return spy(new SelfServiceMatch(orders));
    }

    @Test
    void theMatchingAddressFindsTheOrder() {
        SelfServiceMatch match = match();

        assertThat(match.ordersOf(" 302-1234567-7654321 ", " Anna.Fischer@Example.DE ")).containsExactly(order);

        verify(orders).findAllWithLines("302-1234567-7654321");
        verify(match, times(1)).sameDigest(any(), any());
        verifyNoMoreInteractions(orders);
    }

    @Test
    void anotherAddressTakesTheSameStepsAndFindsNothing() {
        SelfServiceMatch match = match();

        assertThat(match.ordersOf("302-1234567-7654321", "anna.fischer@example.com")).isEmpty();

        verify(orders).findAllWithLines("302-1234567-7654321");
        verify(match, times(1)).sameDigest(any(), any());
        verifyNoMoreInteractions(orders);
    }

    @Test
    void anOrderNumberNoOrderHasTakesTheSameStepsAndFindsNothing() {
        SelfServiceMatch match = match();

        assertThat(match.ordersOf("302-0000000-0000000", "anna.fischer@example.de")).isEmpty();

        verify(orders).findAllWithLines("302-0000000-0000000");
        verify(match, times(1)).sameDigest(any(), any());
        verifyNoMoreInteractions(orders);
    }

    @Test
    void addressesAreComparedAsDigestsOfTheSameLength() {
        byte[] given = SelfServiceMatch.digest("anna.fischer@example.de");
        assertThat(given).hasSize(32);
        assertThat(SelfServiceMatch.digest("a@b.c")).hasSize(32);
        SelfServiceMatch match = new SelfServiceMatch(orders);
        assertThat(match.sameDigest(given, SelfServiceMatch.digest("anna.fischer@example.de"))).isTrue();
        assertThat(match.sameDigest(given, SelfServiceMatch.digest("anna.fischer@example.com"))).isFalse();
    }
}
