package com.helloword.archfixture.returns.api;

/** Breaks "api packages hold ports and events only": a class with behaviour. */
public class NotAPort {
    public int work() {
        return 2;
    }
}
