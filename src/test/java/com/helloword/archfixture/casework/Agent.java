package com.helloword.archfixture.casework;

import com.helloword.archfixture.returns.ReturnInternals;
import com.helloword.archfixture.returns.api.ReturnPort;

/** Breaks "capabilities meet through their api" once (the internals) and keeps it once (the port). */
public class Agent {
    public int remedy(ReturnPort port, ReturnInternals internals) {
        return port.open() + internals.open();
    }
}
