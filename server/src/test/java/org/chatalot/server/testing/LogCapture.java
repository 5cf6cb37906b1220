package org.chatalot.server.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the server in this JVM logs while open, so a test can insist that a client's mistake left no
 * stack trace and no error in the operator's log. Attach before the request, read after it was answered.
 */
public final class LogCapture implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Records at WARNING or above, or carrying an exception, as "LEVEL logger: message (exception)". */
    public List<String> problems() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null)
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
                .toList();
    }

    /** Every record's message so far, at any level. */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
