package com.siyumall.member.auth;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password an account may be given: at least 8 characters and at most 72 bytes in UTF-8 — BCrypt reads no more than
 * 72 bytes (a 24-character Chinese password is already 72), so a longer one is refused, not cut or answered with a 500.
 */
@Documented
@Constraint(validatedBy = NewPassword.Rule.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NewPassword {
    int MAX_BYTES = 72;

    String message() default "must be 8 characters to 72 bytes (UTF-8)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Rule implements ConstraintValidator<NewPassword, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || password.codePointCount(0, password.length()) >= 8 && fits(password);
        }

        /** Whether BCrypt reads the whole of {@code password}. */
        public static boolean fits(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
