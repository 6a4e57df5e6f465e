package com.siyumall.common.error;

import com.siyumall.common.web.RequestIds;
import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Builds every problem+json body the mall sends, so they all carry the same fields. */
public final class Problems {
    public static final String TYPE_PREFIX = "https://siyumall.dev/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(ErrorCode code, Object... args) {
        return of(code.status(), code.code(), args);
    }

    public ProblemDetail of(HttpStatusCode status, String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(messages.getMessage("title." + code, null, code, locale));
        problem.setDetail(messages.getMessage("error." + code, plain(args), code, locale));
        problem.setProperty("code", code);
        String requestId = MDC.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /** Ids and amounts read as they are ("424242", not MessageFormat's "424,242"). */
    private static Object[] plain(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] plain = args.clone();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof Number number) {
                plain[i] = number.toString();
            }
        }
        return plain;
    }

    public ProblemDetail of(BusinessException e) {
        ProblemDetail problem = of(e.errorCode(), e.args());
        if (e instanceof RemoteProblemException remote) {
            // the other service filled in the details (and answered in the caller's language)
            problem.setTitle(remote.title());
            problem.setDetail(remote.detail());
        }
        for (Map.Entry<String, Object> property : e.properties().entrySet()) {
            problem.setProperty(property.getKey(), property.getValue());
        }
        return problem;
    }

    public String message(String key, Object[] args, String fallback) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }
}
