package org.lowmag.cli;

import java.util.Locale;

/**
 * The {@code --log-level} of every command: how much LowMag and its libraries (DJL) log to stderr
 * through slf4j-simple, whose default level ({@code warn}, in {@code simplelogger.properties}) the
 * system property {@value #PROPERTY} overrides. The loggers named in {@code
 * simplelogger.properties} (DJL's CUDA probe, off; its library loader, errors only) keep their own
 * levels.
 */
enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG;

    /** slf4j-simple's default-level property. */
    static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * Sets the level for every logger created from now on. slf4j-simple reads it once, when the
     * first logger is made, so a command line sets it while parsing, before any logging; in a JVM
     * that has already logged (a test running several commands) it changes nothing.
     */
    void apply() {
        System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    }
}
