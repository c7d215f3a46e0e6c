package org.exchange.exchange.attendance;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements the PostgreSQL driver sends to the server from the current thread while it is open, read from the
 * driver's own protocol log (no proxy of the data source, no extra dependency). MockMvc handles a request on the test's
 * thread, so what it counts is the request's statements, those the outbox writes in its transaction included, and
 * nothing of the service's background threads.
 */
final class StatementLog implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private static final Pattern PARSE = Pattern.compile(" FE=> Parse\\(stmt=(\\S*?),query=\"(.*?)\",oids=",
            Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile(" FE=> Bind\\(stmt=(\\S*?),portal=");

    private final long thread = Thread.currentThread().threadId();
    private final Level level = DRIVER.getLevel();
    private final boolean parentHandlers = DRIVER.getUseParentHandlers();
    private final Map<String, String> named = new HashMap<>();
    private final List<Statement> statements = new ArrayList<>();
    private String bound = "";
    private String parsed = "";
    private long executedAt;
    private final Handler handler = new Handler() {

        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() == thread) {
                seen(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** One statement executed: its text (or the server-side statement's name when it was parsed before) and time. */
    record Statement(String sql, long nanos) {
    }

    StatementLog() {
        DRIVER.setLevel(Level.FINEST);
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(handler);
    }

    private synchronized void seen(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage()
                : MessageFormat.format(record.getMessage(), record.getParameters());
        Matcher parse = PARSE.matcher(message);
        if (parse.find()) {
            parsed = parse.group(2);
            if (!parse.group(1).equals("null")) {
                named.put(parse.group(1), parsed);
            }
            return;
        }
        Matcher bind = BIND.matcher(message);
        if (bind.find()) {
            String name = bind.group(1);
            bound = name.equals("null") ? parsed : named.getOrDefault(name, "prepared " + name);
            return;
        }
        if (message.startsWith(" FE=> Execute")) {
            statements.add(new Statement(bound, 0));
            executedAt = System.nanoTime();
        } else if (message.startsWith(" <=BE CommandStatus") && !statements.isEmpty()) {
            Statement last = statements.removeLast();
            statements.add(new Statement(last.sql(), System.nanoTime() - executedAt));
            executedAt = System.nanoTime();
        }
    }

    /** Forgets what was counted so far (the server-side statements' names stay known). */
    synchronized void clear() {
        statements.clear();
    }

    synchronized int count() {
        return statements.size();
    }

    /** How many of the statements so far write to a table (their text starts so, or names it after "into"/"update"). */
    synchronized long writing(String table) {
        Pattern writes = Pattern.compile("(?is)^\\s*(insert\\s+into|update)\\s+" + table + "\\b");
        return statements.stream().filter(statement -> writes.matcher(statement.sql()).find()).count();
    }

    /** The statements so far grouped by their first words, with how many and their total time, most time first. */
    synchronized Map<String, long[]> byKind() {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        for (Statement statement : statements) {
            String kind = statement.sql().strip().replaceAll("\\s+", " ");
            kind = kind.substring(0, Math.min(70, kind.length()));
            long[] figures = kinds.computeIfAbsent(kind, k -> new long[2]);
            figures[0]++;
            figures[1] += statement.nanos();
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(kinds.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        Map<String, long[]> result = new LinkedHashMap<>();
        sorted.forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    @Override
    public void close() {
        DRIVER.removeHandler(handler);
        DRIVER.setUseParentHandlers(parentHandlers);
        DRIVER.setLevel(level);
    }
}
