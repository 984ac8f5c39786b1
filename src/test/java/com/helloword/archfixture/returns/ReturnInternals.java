package com.helloword.archfixture.returns;

/** A capability's own class: no other capability may use it. */
public class ReturnInternals {
    public int open() {
        return 1;
    }
}
