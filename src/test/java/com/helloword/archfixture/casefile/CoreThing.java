package com.helloword.archfixture.casefile;

import com.helloword.archfixture.returns.ReturnInternals;

/** Breaks "the core knows no capability". */
public class CoreThing {
    public int use(ReturnInternals returns) {
        return returns.open();
    }
}
