package io.quarkiverse.airlock.test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects the ERROR records Airlock logs while it is open, from any thread: handlers that fail on a worker or behind
 * the event bus log where the test cannot catch them.
 */
public final class ErrorLog extends Handler implements AutoCloseable {

    private static final Logger AIRLOCK = Logger.getLogger("io.quarkiverse.airlock");

    private final BlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();

    private ErrorLog() {
    }

    /** Starts collecting; close it to stop. */
    public static ErrorLog open() {
        ErrorLog log = new ErrorLog();
        AIRLOCK.addHandler(log);
        return log;
    }

    /** The next ERROR record, or null if none comes within the time given. */
    public LogRecord next(long timeout, TimeUnit unit) throws InterruptedException {
        return records.poll(timeout, unit);
    }

    /** A record's message with its parameters filled in. */
    public static String message(LogRecord record) {
        return record instanceof ExtLogRecord ? ((ExtLogRecord) record).getFormattedMessage() : record.getMessage();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        AIRLOCK.removeHandler(this);
    }
}
