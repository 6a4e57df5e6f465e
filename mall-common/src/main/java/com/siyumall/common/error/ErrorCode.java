package com.siyumall.common.error;

import org.springframework.http.HttpStatus;

/**
 * A stable error code and the HTTP status it answers with. Each service keeps an enum of its own codes; the text shown
 * to people comes from {@code messages/errors*.properties} under the key {@code error.<CODE>}.
 */
public interface ErrorCode {
    /** Enums implement this by their constant's name. */
    String name();

    /** The stable code: the constant's name unless an implementation says otherwise. */
    default String code() {
        return name();
    }

    HttpStatus status();
}
