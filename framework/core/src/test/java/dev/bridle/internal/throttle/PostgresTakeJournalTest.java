package dev.bridle.internal.throttle;

import dev.bridle.internal.store.Database;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** {@link TakeJournalContract} on PostgreSQL (buckets in memory, journal in the database). */
class PostgresTakeJournalTest extends TakeJournalContract {

    private final Database db = TestDatabases.postgres();

    @Override
    DataSource dataSource() {
        return db.dataSource();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }
}
