package io.quarkiverse.airlock;

import org.jboss.logging.Logger;

/**
 * Logs each intent at flush and lets it escape. Useful to see what a unit of work does.
 */
public class LogOnFlush implements Policy {

    private final Logger logger;

    public LogOnFlush() {
        this(Logger.getLogger(LogOnFlush.class));
    }

    public LogOnFlush(Logger logger) {
        if (logger == null) {
            throw new IllegalArgumentException("LogOnFlush: logger must not be null");
        }
        this.logger = logger;
    }

    @Override
    public boolean allows(Intent intent) {
        logger.infof("Airlock flush: %s", intent);
        return true;
    }

    @Override
    public String toString() {
        return "LogOnFlush";
    }
}
