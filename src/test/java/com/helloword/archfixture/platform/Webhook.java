package com.helloword.archfixture.platform;

import com.helloword.archfixture.returns.api.ReturnPort;

/** Breaks "adapters know no capability", even through its api. */
public class Webhook {
    public int receive(ReturnPort returns) {
        return returns.open();
    }
}
