package dev.bridle.internal.store;

/** The kind of database behind a {@link Database}; the schema is the same on both. */
public enum Dialect {
    /** An embedded H2 file database, run in its PostgreSQL compatibility mode. */
    H2,
    /** A PostgreSQL server (15 or later), for several nodes sharing one store. */
    POSTGRES
}
