package com.siyumall.common.web;

import com.siyumall.common.error.CommonError;
import com.siyumall.common.error.PayloadTooLargeException;
import com.siyumall.common.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over the limit with 413 problem+json: at once when Content-Length says so, and while reading when a
 * chunked body grows past it (the JSON reader then fails and the advice answers 413).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long limitBytes;
    private final ProblemWriter problems;

    public BodySizeLimitFilter(long limitBytes, ProblemWriter problems) {
        this.limitBytes = limitBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limitBytes) {
            problems.write(response, CommonError.PAYLOAD_TOO_LARGE, limitBytes);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limitBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > limit) {
                        throw new PayloadTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
