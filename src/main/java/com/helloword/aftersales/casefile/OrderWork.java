package com.helloword.aftersales.casefile;

import com.helloword.aftersales.security.ApiCaller;

/**
 * Whether a caller works on an order in a way that needs its buyer (name, e-mail): answered by the
 * capabilities that give people work on orders (case work answers for the teams of the order's cases).
 */
public interface OrderWork {

    boolean needsBuyerOf(ApiCaller caller, long orderId);
}
