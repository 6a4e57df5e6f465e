package com.siyumall.common.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Writes a problem+json response from places outside Spring MVC (servlet filters, security handlers). */
public class ProblemWriter {
    private final Problems problems;
    private final ObjectMapper json;

    public ProblemWriter(Problems problems, ObjectMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode code, Object... args) throws IOException {
        ProblemDetail problem = problems.of(code, args);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
