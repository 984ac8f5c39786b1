/**
 * A small code base that breaks each architecture rule once, on purpose, next to uses the rules allow, so
 * that {@code ArchitectureRulesTest} shows each rule fails on a forbidden import and passes an allowed one.
 */
package com.helloword.archfixture;
