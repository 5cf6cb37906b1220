package org.chatalot.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per event, to stderr (journald and docker collect it): time, level, source, message.
 * Libraries that narrate every start (Flyway, Hikari, Helidon's feature list) are held to warnings.
 */
final class LogSetup {
    private static final String[] QUIET = {"org.flywaydb", "com.zaxxer.hikari", "io.helidon.common.features",
        "io.helidon.config", "io.helidon.Main"};

    private LogSetup() {
    }

    static void configure(System.Logger.Level level) {
        Level julLevel = toJul(level);
        // Levels go through LogManager's configuration so they also apply to loggers created later
        // (a level set on a Logger object is lost when JUL drops its weak reference to it).
        StringBuilder properties = new StringBuilder(".level=" + julLevel.getName() + "\n");
        if (julLevel.intValue() >= Level.INFO.intValue()) {
            for (String name : QUIET) {
                properties.append(name).append(".level=WARNING\n");
            }
        }
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(properties.toString().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Handler handler = new ConsoleHandler();
        handler.setLevel(julLevel);
        handler.setFormatter(new OneLineFormatter());
        Logger.getLogger("").addHandler(handler);
    }

    private static Level toJul(System.Logger.Level level) {
        return switch (level) {
            case ERROR -> Level.SEVERE;
            case WARNING -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
            case TRACE, ALL -> Level.FINEST;
            case OFF -> Level.OFF;
        };
    }

    private static final class OneLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String source = record.getLoggerName() == null ? "" : shorten(record.getLoggerName());
            StringBuilder line = new StringBuilder(160)
                    .append(Instant.ofEpochMilli(record.getMillis()).truncatedTo(ChronoUnit.MILLIS))
                    .append(' ').append(levelName(record.getLevel()))
                    .append(' ').append(source).append(": ").append(formatMessage(record)).append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        private static String levelName(Level level) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (level.intValue() >= Level.WARNING.intValue()) {
                return "WARN ";
            }
            if (level.intValue() >= Level.INFO.intValue()) {
                return "INFO ";
            }
            return "DEBUG";
        }

        private static String shorten(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
