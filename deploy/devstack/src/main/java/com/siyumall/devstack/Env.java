package com.siyumall.devstack;

/** Settings come from environment variables, overridable by system properties of the same name. */
final class Env {
    private Env() {}

    static String get(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    static boolean flag(String name) {
        return Boolean.parseBoolean(get(name, "false"));
    }
}
