package dev.bridle.internal.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Why a store could not be opened, in a few words, and what to do about it, read from the chain of causes the driver
 * and the pool throw: {@code Connection refused; is PostgreSQL running there?}. The words are the root cause's own, on
 * one line, so that an operator who searches for them finds the driver's documentation.
 */
final class StoreAdvice {

    /** SQLSTATEs both drivers use: bad credentials, a database that does not exist, H2's file in use. */
    private static final String INVALID_PASSWORD = "28P01";

    private static final String INVALID_AUTHORIZATION = "28000";
    private static final String NO_SUCH_DATABASE = "3D000";
    private static final String H2_DATABASE_IN_USE = "90020";

    private StoreAdvice() {}

    /** {@code <why>; <what to do>} for a failure to open a {@code dialect} store, caused by {@code e}. */
    static String of(Throwable e, Dialect dialect) {
        Throwable root = root(e);
        String why = firstLine(root.getMessage());
        if (root instanceof UnknownHostException) {
            return "unknown host " + why + "; check the host name in the URL";
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            return why + "; is " + name(dialect) + " running there, on that port?";
        }
        if (root instanceof SocketTimeoutException) {
            return why + "; is the host reachable from here, and the port right?";
        }
        String state = sqlState(e);
        if (INVALID_PASSWORD.equals(state) || INVALID_AUTHORIZATION.equals(state)) {
            return why + "; check store.username and store.password";
        }
        if (NO_SUCH_DATABASE.equals(state)) {
            return why + "; create the database first (createdb, or CREATE DATABASE)";
        }
        if (H2_DATABASE_IN_USE.equals(state)) {
            return why + "; is another Bridle using this file? Run one per H2 file, or point every node at PostgreSQL";
        }
        return why;
    }

    /** The first line of a driver's message: some span several, with hints of their own about other setups. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    private static String name(Dialect dialect) {
        return dialect == Dialect.POSTGRES ? "PostgreSQL" : "the database server";
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The SQLSTATE nearest the root, where the driver says what the server answered. */
    private static String sqlState(Throwable e) {
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }
}
