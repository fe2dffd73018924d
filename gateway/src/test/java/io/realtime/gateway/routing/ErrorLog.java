package io.realtime.gateway.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what anything in the test JVM logs at ERROR level or with an exception, until closed. */
final class ErrorLog extends Handler implements AutoCloseable {

    private final List<String> records = new CopyOnWriteArrayList<>();

    private ErrorLog() {
    }

    static ErrorLog start() {
        ErrorLog log = new ErrorLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Each record as {@code "<logger>: <message> <exception>"}. */
    List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getThrown() != null || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            records.add(record.getLoggerName() + ": " + record.getMessage()
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
