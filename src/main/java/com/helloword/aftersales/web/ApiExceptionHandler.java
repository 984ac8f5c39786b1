package com.helloword.aftersales.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of {@code /api} in one RFC 7807 shape ({@code application/problem+json}): {@code type, title,
 * status, detail} (a sentence a person can act on, never an exception's text) and, when fields are at fault,
 * {@code problems: [{field, reason, line?}]}. The capabilities' refusals ({@link RejectedRequest}), Spring's
 * own (unreadable JSON, a missing or mistyped parameter, {@code @Valid}), and {@code ResponseStatusException}
 * (401, 403, 404, 409, 413) all end here. Replaces Spring Boot's problem-details handler (it extends the same
 * base), so it also answers requests no controller took (404, 405, 415).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** The member of the answer that lists the field problems. */
    static final String PROBLEMS = "problems";

    @ExceptionHandler(RejectedRequest.class)
    ProblemDetail rejected(RejectedRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (e.title() != null) {
            problem.setTitle(e.title());
        }
        problem.setProperty(PROBLEMS, e.problems());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request changed the same records at the same time; nothing of this request was "
                        + "written. Send it again.");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblems(ex, headers, status, request, List.of(unreadable(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        String reason = "'" + ex.getValue() + "' is not " + expected(ex.getRequiredType());
        return fieldProblems(ex, headers, status, request, List.of(FieldProblem.of(name == null ? "request" : name,
                reason)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblems(ex, headers, status, request,
                List.of(FieldProblem.of(ex.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblems(ex, headers, status, request,
                List.of(FieldProblem.of(ex.getRequestPartName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException header) {
            return fieldProblems(ex, headers, status, request,
                    List.of(FieldProblem.of(header.getHeaderName(), "header is required")));
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> problems.add(FieldProblem.of(e.getField(), reason(e))));
        ex.getBindingResult().getGlobalErrors().forEach(e -> problems.add(FieldProblem.of(e.getObjectName(),
                reason(e))));
        return fieldProblems(ex, headers, status, request, problems);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                problems.add(FieldProblem.of(error instanceof FieldError field ? field.getField()
                        : parameter == null ? "request" : parameter, reason(error)));
            }
        });
        return fieldProblems(ex, headers, status, request, problems);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "There is nothing at /"
                + ex.getResourcePath() + ".");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Whatever the base made: a problem with a sentence in {@code detail}, never without one. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getDetail() == null || problem.getDetail().isBlank())) {
            HttpStatus known = HttpStatus.resolve(statusCode.value());
            problem.setDetail((known == null ? "The request failed" : known.getReasonPhrase()) + ".");
        }
        return response;
    }

    private ResponseEntity<Object> fieldProblems(Exception ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                RejectedRequest.sentence("The request cannot be taken", problems, problems.size()));
        problem.setProperty(PROBLEMS, problems);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The body Spring could not read: not JSON at all, or a value of the wrong kind at a path. */
    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof StreamReadException malformed) {
            JsonLocation at = malformed.getLocation();
            return FieldProblem.of("body", "is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + malformed.getOriginalMessage());
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping.getPath());
            if (mapping instanceof InvalidFormatException invalid) {
                return FieldProblem.of(field, "'" + invalid.getValue() + "' is not " + expected(invalid.getTargetType()));
            }
            if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return FieldProblem.of(field, "must be " + expected(mismatched.getTargetType()));
            }
            Throwable root = mapping.getCause();
            return FieldProblem.of(field, root != null && root.getMessage() != null ? root.getMessage()
                    : "cannot be read: " + mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException other) {
            return FieldProblem.of("body", "cannot be read: " + other.getOriginalMessage());
        }
        return FieldProblem.of("body", ex.getMessage() != null && ex.getMessage().startsWith("Required request body")
                ? "is required" : "cannot be read");
    }

    /** {@code lines[0].quantity} from Jackson's path; {@code body} for the body itself. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** What a value of this type looks like, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of the expected kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (List.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class, BigInteger.class)
                .contains(type)) {
            return "a whole number";
        }
        if (List.of(double.class, Double.class, float.class, Float.class, BigDecimal.class).contains(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (List.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class).contains(type)) {
            return "an ISO-8601 time with an offset";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.isPrimitive() ? "a " + type.getSimpleName() : "an object";
    }

    private static String reason(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return error instanceof ObjectError object && object.getCode() != null ? "is not valid (" + object.getCode()
                + ")" : "is not valid";
    }
}
