package dev.bridle.internal.throttle;

import org.junit.jupiter.api.Nested;

/** The in-memory stores against their contracts. */
class InMemoryStoresTest {

    @Nested
    class Answered extends AnsweredInteractionsContract {
        @Override
        AnsweredInteractions store() {
            return new InMemoryAnsweredInteractions();
        }
    }

    @Nested
    class History extends FollowHistoryContract {
        @Override
        FollowHistory history() {
            return new InMemoryFollowHistory();
        }
    }
}
