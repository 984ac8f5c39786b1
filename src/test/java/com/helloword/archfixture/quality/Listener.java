package com.helloword.archfixture.quality;

import com.helloword.archfixture.casefile.CoreThing;
import com.helloword.archfixture.returns.api.ReturnPort;

/** Keeps every rule: another capability's port and the core. */
public class Listener {
    public int on(ReturnPort port, CoreThing core) {
        return port.open() + core.hashCode();
    }
}
