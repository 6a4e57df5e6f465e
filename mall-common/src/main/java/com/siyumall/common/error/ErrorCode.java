package com.siyumall.common.error;

import org.springframework.http.HttpStatus;

/**
 * A stable error code and the HTTP status it answers with. Each service keeps an enum of its own codes; the text shown
 * to people comes from {@code messages/errors*.properties} under the key {@code error.<CODE>}.
 */
public interface ErrorCode {
    String code();

    HttpStatus status();
}
