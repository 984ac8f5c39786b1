package com.helloword.archfixture.returns.api;

/** A declared port: others may use it. */
public interface ReturnPort {
    int open();
}
