package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertTest {

    private final Upsert cursor =
            Upsert.of("inbound_cursor", List.of("account", "kind"), List.of("since_id", "updated_at"));

    @Test
    void updatesTheValuesOfTheRowWithTheKey() {
        assertThat(cursor.updateSql())
                .isEqualTo("UPDATE inbound_cursor SET since_id = ?, updated_at = ? WHERE account = ? AND kind = ?");
    }

    @Test
    void insertsTheKeyThenTheValues() {
        assertThat(cursor.insertSql())
                .isEqualTo("INSERT INTO inbound_cursor (account, kind, since_id, updated_at) VALUES (?, ?, ?, ?)");
    }

    @Test
    void needsKeyAndValueColumns() {
        assertThatThrownBy(() -> Upsert.of("t", List.of(), List.of("v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key columns and value columns");
    }

    @Test
    void refusesValuesThatDoNotMatchTheColumns() {
        assertThatThrownBy(() -> cursor.write(null, List.of("bot"), List.of("1", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 key and 2 values, not 1 and 2");
    }
}
