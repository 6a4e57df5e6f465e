package com.siyumall.insight.store;

import org.duckdb.DuckDBAppender;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import com.siyumall.common.time.BusinessTime;

/** How values go into the store: times as UTC timestamps, days as Shanghai business days, absent numbers as NULL. */
public final class Values {
    private Values() {}

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static LocalDate businessDay(Instant instant) {
        return LocalDate.ofInstant(instant, BusinessTime.ZONE);
    }

    /** Appends one row's values, each by its type, to the appender's current row. */
    public static void append(DuckDBAppender appender, Object[] row) throws SQLException {
        for (Object value : row) {
            if (value == null) {
                appender.appendNull();
            } else if (value instanceof Long number) {
                appender.append(number.longValue());
            } else if (value instanceof Integer number) {
                appender.append(number.intValue());
            } else if (value instanceof Boolean flag) {
                appender.append(flag.booleanValue());
            } else if (value instanceof String text) {
                appender.append(text);
            } else if (value instanceof LocalDate day) {
                appender.append(day);
            } else if (value instanceof LocalDateTime time) {
                appender.append(time);
            } else {
                throw new IllegalArgumentException("No column type for " + value.getClass().getName());
            }
        }
    }

    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    public static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
