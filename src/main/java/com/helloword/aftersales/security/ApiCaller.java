package com.helloword.aftersales.security;

import java.util.List;

/** Who is calling {@code /api}: their Camunda user id and group ids. */
public record ApiCaller(String userId, List<String> groupIds) {

    static final String REQUEST_ATTRIBUTE = ApiCaller.class.getName();
}
