package com.helloword.archfixture.notification;

import com.helloword.archfixture.returns.api.ReturnPort;

/** Breaks "shared services know no capability". */
public class Mailer {
    public int send(ReturnPort returns) {
        return returns.open();
    }
}
