package com.helloword.aftersales.workflow.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expressions a deployed model may hold ({@code ${...}} and {@code #{...}} in any attribute or text): a
 * small part of the expression language, checked by parsing it, so that nothing reaches Java but the
 * application's own steps.
 * <ul>
 * <li>process variables by name, literals (strings, numbers, true, false, null), parentheses;</li>
 * <li>comparison, boolean and arithmetic operators ({@code == != < > <= >= && || ! + - * / %} and their word
 * forms), {@code empty}, {@code not}, the ternary {@code ? :};</li>
 * <li>one of the application's steps, {@code ${returnSteps.close(execution, 'REFUSED')}}, with
 * {@code execution} and literals as arguments;</li>
 * <li>{@code execution.getVariable('name')} and {@code execution.hasVariable('name')}: a variable that may be
 * unset.</li>
 * </ul>
 * Refused: any other method or function call, property or index access ({@code a.b}, {@code a[b]}, which
 * reach getters and from there {@code getClass()}), a bean's name, the engine's objects ({@code execution},
 * {@code task}, ...) on their own, assignments, lambdas and everything else the grammar does not name.
 */
final class PlainExpressions {

    /** Names the engine resolves itself, before variables: its objects and the logged-in user. */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
            "authenticatedUserId", "variableScope", "processEngine", "processEngineServices");
    private static final Set<String> VARIABLE_READS = Set.of("getVariable", "hasVariable");
    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le",
            "ge", "div", "mod", "empty");
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

    private final ModelAllowList allowed;

    PlainExpressions(ModelAllowList allowed) {
        this.allowed = allowed;
    }

    /** Why {@code text} (plain text with any number of expressions in it) is refused; empty if it passes. */
    Optional<String> problem(String text) {
        int at = 0;
        while (true) {
            int start = nextStart(text, at);
            if (start < 0) {
                return Optional.empty();
            }
            try {
                at = new Parser(text, start + 2).expression();
            } catch (Refused refused) {
                return Optional.of("\"" + excerpt(text, start) + "\" " + refused.getMessage());
            }
        }
    }

    private static int nextStart(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        if (dollar < 0 || hash < 0) {
            return Math.max(dollar, hash);
        }
        return Math.min(dollar, hash);
    }

    private static String excerpt(String text, int start) {
        int end = text.indexOf('}', start);
        String expression = end < 0 ? text.substring(start) : text.substring(start, end + 1);
        return expression.length() > 120 ? expression.substring(0, 117) + "..." : expression;
    }

    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private enum Kind { NAME, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text) {
        boolean is(String symbol) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
        }
    }

    /** A recursive-descent parser over one expression's tokens, up to and including its closing brace. */
    private final class Parser {

        private final List<Token> tokens = new ArrayList<>();
        private final int end;
        private int next;

        Parser(String text, int from) {
            this.end = tokenize(text, from);
        }

        /** Parses the whole expression and returns the index after its closing brace. */
        int expression() {
            ternary();
            if (peek().kind() != Kind.END) {
                throw new Refused("has \"" + peek().text() + "\" where the expression should end");
            }
            return end;
        }

        private void ternary() {
            or();
            if (accept("?")) {
                ternary();
                expect(":");
                ternary();
            }
        }

        private void or() {
            and();
            while (accept("||") || accept("or")) {
                and();
            }
        }

        private void and() {
            equality();
            while (accept("&&") || accept("and")) {
                equality();
            }
        }

        private void equality() {
            relation();
            while (accept("==") || accept("!=") || accept("eq") || accept("ne")) {
                relation();
            }
        }

        private void relation() {
            sum();
            while (accept("<") || accept(">") || accept("<=") || accept(">=") || accept("lt") || accept("gt")
                    || accept("le") || accept("ge")) {
                sum();
            }
        }

        private void sum() {
            product();
            while (accept("+") || accept("-")) {
                product();
            }
        }

        private void product() {
            unary();
            while (accept("*") || accept("/") || accept("%") || accept("div") || accept("mod")) {
                unary();
            }
        }

        private void unary() {
            if (accept("!") || accept("not") || accept("-") || accept("empty")) {
                unary();
            } else {
                primary();
            }
        }

        private void primary() {
            Token token = take();
            switch (token.kind()) {
                case STRING, NUMBER -> { }
                case SYMBOL -> {
                    if (!token.is("(")) {
                        throw new Refused("has \"" + token.text() + "\" where a value should be");
                    }
                    ternary();
                    expect(")");
                }
                case NAME -> name(token.text());
                case END -> throw new Refused("ends where a value should be");
            }
            if (peek().is(".") || peek().is("[")) {
                throw new Refused("reads a property of a value; conditions and settings use process variables"
                        + " as they are");
            }
        }

        private void name(String name) {
            if (LITERAL_WORDS.contains(name)) {
                return;
            }
            if (WORD_OPERATORS.contains(name) || name.equals("instanceof")) {
                throw new Refused("has the operator \"" + name + "\" where a value should be");
            }
            boolean prefixed = peek().is(":") && peekAfter(1).kind() == Kind.NAME && peekAfter(2).is("(");
            if (peek().is("(") || prefixed) {
                throw new Refused("calls the function " + name + (prefixed ? ":" + peekAfter(1).text() : "")
                        + "(); a model may call only the application's steps" + stepList());
            }
            if (peek().is("[")) {
                throw new Refused("reads " + name + "[...]; conditions and settings use process variables as"
                        + " they are");
            }
            if (!peek().is(".")) {
                if (ENGINE_NAMES.contains(name)) {
                    throw new Refused("uses the engine's " + name + ", which is not a process variable");
                }
                if (allowed.isBean().test(name)) {
                    throw new Refused("names the application's bean " + name + ", which is not a process"
                            + " variable");
                }
                return;
            }
            take();
            Token member = take();
            if (member.kind() != Kind.NAME) {
                throw new Refused("has \"" + member.text() + "\" after \"" + name + ".\"");
            }
            if (!peek().is("(")) {
                throw new Refused("reads " + name + "." + member.text() + ", a property; conditions and settings"
                        + " use process variables as they are");
            }
            take();
            List<Token> arguments = arguments();
            String call = name + "." + member.text() + "(...)";
            if (name.equals("execution") && VARIABLE_READS.contains(member.text())) {
                if (arguments.size() != 1 || arguments.get(0).kind() != Kind.STRING) {
                    throw new Refused("calls " + call + "; it takes one variable name in quotes");
                }
                return;
            }
            if (!allowed.isStep(name, member.text(), arguments.size())) {
                throw new Refused("calls " + call + ", which is not one of the application's steps" + stepList());
            }
            if (arguments.isEmpty() || !arguments.get(0).is("execution")) {
                throw new Refused("calls " + call + " without execution as its first argument");
            }
        }

        /** A step's arguments after "(": execution or literals only, so nothing is evaluated in them. */
        private List<Token> arguments() {
            List<Token> arguments = new ArrayList<>();
            if (accept(")")) {
                return arguments;
            }
            do {
                boolean negative = accept("-");
                Token argument = take();
                boolean literal = argument.kind() == Kind.STRING || argument.kind() == Kind.NUMBER
                        || argument.kind() == Kind.NAME && LITERAL_WORDS.contains(argument.text());
                boolean execution = !negative && argument.is("execution");
                if (!literal && !execution || negative && argument.kind() != Kind.NUMBER) {
                    throw new Refused("has \"" + argument.text() + "\" as an argument; arguments are execution"
                            + " or literals ('text', numbers, true, false, null)");
                }
                arguments.add(argument);
            } while (accept(","));
            expect(")");
            return arguments;
        }

        private String stepList() {
            List<String> steps = new ArrayList<>();
            allowed.steps().forEach((bean, methods) -> {
                if (!allowed.delegates().contains(bean)) {
                    methods.keySet().forEach(method -> steps.add(bean + "." + method));
                }
            });
            return steps.isEmpty() ? "" : " (" + String.join(", ", steps.stream().sorted().toList()) + ")";
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token peekAfter(int ahead) {
            return tokens.get(Math.min(next + ahead, tokens.size() - 1));
        }

        private Token take() {
            Token token = tokens.get(next);
            if (token.kind() != Kind.END) {
                next++;
            }
            return token;
        }

        private boolean accept(String symbol) {
            if (peek().is(symbol)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw new Refused("has \"" + peek().text() + "\" where \"" + symbol + "\" should be");
            }
        }

        /** Reads tokens from {@code from} to the closing brace; returns the index after it. */
        private int tokenize(String text, int from) {
            int i = from;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '}') {
                    tokens.add(new Token(Kind.END, "}"));
                    return i + 1;
                } else if (c == '\'' || c == '"') {
                    int close = i + 1;
                    while (close < text.length() && text.charAt(close) != c) {
                        close += text.charAt(close) == '\\' ? 2 : 1;
                    }
                    if (close >= text.length()) {
                        throw new Refused("has a string that does not end");
                    }
                    tokens.add(new Token(Kind.STRING, text.substring(i, close + 1)));
                    i = close + 1;
                } else if (isAsciiLetter(c) || c == '_') {
                    int stop = i;
                    while (stop < text.length() && (isAsciiLetter(text.charAt(stop)) || text.charAt(stop) == '_'
                            || isDigit(text.charAt(stop)))) {
                        stop++;
                    }
                    tokens.add(new Token(Kind.NAME, text.substring(i, stop)));
                    i = stop;
                } else if (isDigit(c) || c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1))) {
                    int stop = i;
                    while (stop < text.length() && (isDigit(text.charAt(stop)) || text.charAt(stop) == '.')) {
                        stop++;
                    }
                    if (stop < text.length() && (text.charAt(stop) == 'e' || text.charAt(stop) == 'E')) {
                        stop++;
                        if (stop < text.length() && (text.charAt(stop) == '+' || text.charAt(stop) == '-')) {
                            stop++;
                        }
                        while (stop < text.length() && isDigit(text.charAt(stop))) {
                            stop++;
                        }
                    }
                    tokens.add(new Token(Kind.NUMBER, text.substring(i, stop)));
                    i = stop;
                } else {
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                        tokens.add(new Token(Kind.SYMBOL, two));
                        i += 2;
                    } else if (Set.of("->", "+=").contains(two)) {
                        throw new Refused("has \"" + two + "\", which a condition or setting may not use");
                    } else if ("+-*/%!<>?:().,[]".indexOf(c) >= 0) {
                        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                        i++;
                    } else {
                        throw new Refused("has \"" + c + "\", which a condition or setting may not use");
                    }
                }
            }
            throw new Refused("does not end (no closing brace)");
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
