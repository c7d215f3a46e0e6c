package org.exchange.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * One bulk load of one table with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}: rows are buffered as CSV and
 * sent a few megabytes at a time; {@link #close()} sends the rest and answers how many rows went in. The table's
 * constraints, defaults and generated columns apply to every row as to an {@code INSERT}.
 */
final class Copy implements AutoCloseable {

    private static final int FLUSH_AT = 4 << 20;

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    Copy(Connection connection, String tableAndColumns) {
        try {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("Not a PostgreSQL connection", e);
        }
        this.sql = "COPY " + tableAndColumns + " FROM STDIN (FORMAT csv)";
    }

    /** Adds one row: {@code null} is SQL NULL; collections become text arrays; everything else its string form. */
    Copy row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
        return this;
    }

    long rows() {
        return rows;
    }

    private void append(Object value) {
        switch (value) {
            case null -> {
                // an unquoted empty field is NULL in CSV mode
            }
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case Number n -> buffer.append(n);
            case UUID u -> buffer.append(u);
            case Instant t -> buffer.append(t);
            case LocalDate d -> buffer.append(d);
            case Collection<?> items -> {
                StringBuilder array = new StringBuilder("{");
                for (Object item : items) {
                    if (array.length() > 1) {
                        array.append(',');
                    }
                    array.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append('"');
                }
                quoted(array.append('}').toString());
            }
            default -> quoted(value.toString());
        }
    }

    private void quoted(String text) {
        buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(buffer.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    @Override
    public void close() {
        flush();
    }
}
