package com.siyumall.common.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error a service answers becomes RFC 9457 problem+json with a stable {@code code}, a localized {@code detail}
 * and the request id. Bad input is a 4xx; only a fault of ours is a 500, and then without internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Object> business(BusinessException e) {
        return respond(problems.of(e));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        ProblemDetail problem = problems.of(CommonError.VALIDATION_FAILED);
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return respond(problems.of(CommonError.FORBIDDEN));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException e) {
        return respond(problems.of(CommonError.PAYLOAD_TOO_LARGE, e.limitBytes()));
    }

    /** Another service of the mall could not be reached (refused, reset, timed out): 503, worth a retry. */
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<Object> upstreamUnreachable(ResourceAccessException e) {
        log.warn("Internal call failed: {}", e.getMessage());
        return respond(problems.of(CommonError.UPSTREAM_UNAVAILABLE));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e) {
        log.info("Write refused by a unique key: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.of(CommonError.CONFLICT));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(problems.of(CommonError.INTERNAL_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = toProblem(ex, statusCode);
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private ProblemDetail toProblem(Exception ex, HttpStatusCode statusCode) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return withFieldErrors(problems.of(CommonError.VALIDATION_FAILED), invalid);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            ProblemDetail p = problems.of(CommonError.VALIDATION_FAILED);
            p.setProperty("errors", invalid.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                            // a body validated with a path variable arrives here: name its field, not the parameter
                            "field", err instanceof FieldError field ? field.getField()
                                    : r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                            "message", err.getDefaultMessage() == null ? "" : err.getDefaultMessage())))
                    .toList());
            return p;
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return malformed(unreadable);
        }
        if (ex instanceof TypeMismatchException mismatch) {
            String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                    : mismatch.getPropertyName() == null ? "?" : mismatch.getPropertyName();
            ProblemDetail problem = problems.of(CommonError.INVALID_PARAMETER, name);
            problem.setProperty("errors", List.of(Map.of("field", name, "message", expected(mismatch.getRequiredType()))));
            return problem;
        }
        if (ex instanceof ServletRequestBindingException missing) {
            return problems.of(CommonError.MISSING_PARAMETER, missing.getMessage());
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            return problems.of(CommonError.METHOD_NOT_ALLOWED, m.getMethod());
        }
        if (ex instanceof HttpMediaTypeNotSupportedException m) {
            return problems.of(CommonError.UNSUPPORTED_MEDIA_TYPE, String.valueOf(m.getContentType()));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return problems.of(CommonError.NOT_ACCEPTABLE);
        }
        if (ex instanceof NoResourceFoundException m) {
            return problems.of(CommonError.NOT_FOUND, "path", "/" + m.getResourcePath());
        }
        if (ex instanceof MaxUploadSizeExceededException m) {
            return problems.of(CommonError.PAYLOAD_TOO_LARGE, m.getMaxUploadSize());
        }
        return problems.of(statusCode, statusCode.is4xxClientError() ? CommonError.MALFORMED_REQUEST.code() : CommonError.INTERNAL_ERROR.code());
    }

    private ProblemDetail malformed(HttpMessageNotReadableException e) {
        ProblemDetail problem = problems.of(CommonError.MALFORMED_REQUEST);
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            boolean nullElement = mismatch instanceof InvalidNullException && mismatch.getPath().get(mismatch.getPath().size() - 1).getIndex() >= 0;
            String message = nullElement
                    ? problems.message("error.field.null-element", null, "must not hold empty (null) elements")
                    : expected(mismatch.getTargetType());
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            log.debug("Unreadable request body: {}", mapping.getOriginalMessage());
        }
        return problem;
    }

    /** What a value of {@code type} must look like, in the caller's language, without naming Java types. */
    private String expected(Class<?> type) {
        if (type == null) {
            return problems.message("error.field.unreadable", null, "has a value of the wrong type");
        }
        if (type.isEnum()) {
            return problems.message("error.field.one-of", new Object[] {Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "))}, "must be one of {0}");
        }
        String kind = switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short", "byte", "Byte", "BigInteger" -> "whole-number";
            case "double", "Double", "float", "Float", "BigDecimal" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "Instant", "OffsetDateTime", "ZonedDateTime", "LocalDateTime" -> "date-time";
            case "LocalDate" -> "date";
            case "LocalTime" -> "time";
            default -> "unreadable";
        };
        return problems.message("error.field." + kind, null, "has a value of the wrong type");
    }

    private ProblemDetail withFieldErrors(ProblemDetail problem, MethodArgumentNotValidException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError fieldError : e.getBindingResult().getFieldErrors()) {
            // a value that could not be converted (?page=abc): say what it must be, never the Java types involved
            String message = fieldError.isBindingFailure() ? expected(e.getBindingResult().getFieldType(fieldError.getField()))
                    : fieldError.getDefaultMessage() == null ? "invalid" : fieldError.getDefaultMessage();
            errors.add(Map.of("field", fieldError.getField(), "message", message));
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "message", g.getDefaultMessage() == null ? "invalid" : g.getDefaultMessage())));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** 503 and 429 say when to come back: a second is long enough for a burst to pass, short enough for a shopper. */
    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == 503 || problem.getStatus() == 429) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(problem);
    }
}
