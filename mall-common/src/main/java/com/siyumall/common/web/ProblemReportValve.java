package com.siyumall.common.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error answers — requests refused before Spring sees them (an invalid URI, {@code %00} in a path, a
 * header Tomcat cannot parse) — as problem+json instead of Tomcat's HTML page, like every other error of the mall.
 * Nothing about the server or the failure is said. Errors Spring answers already have a body and are left alone.
 */
public class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> status < 500 ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        };
        String body = "{\"type\":\"https://siyumall.dev/problems/" + code.toLowerCase().replace('_', '-') + "\",\"title\":\""
                + (status < 500 ? "Bad request" : "Internal error") + "\",\"status\":" + status + ",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone; nothing left to tell it
        }
    }
}
