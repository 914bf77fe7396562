package dev.bridle.internal.throttle;

import javax.sql.DataSource;

/** {@link TakeJournalContract} on H2. */
class H2TakeJournalTest extends TakeJournalContract {

    private final DataSource ds = TestDatabases.h2();

    @Override
    DataSource dataSource() {
        return ds;
    }
}
