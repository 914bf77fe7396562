package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Consent events for tests, numbered in the order they are made. */
final class Events {

    static final String USER = "2001";
    static final String OPERATOR = "acme-bots-dev";
    static final NoticeRef NOTICE = ConsentSettings.defaultNotice().ref();

    private long seq;

    ConsentEvent given(Instant at, Instant expires, String account, ConsentScope... scopes) {
        return event(ConsentEventType.GIVEN, at, expires, account, null, null, scopes);
    }

    ConsentEvent interaction(Instant at, Instant expires, String account, String mentionId) {
        return event(ConsentEventType.GIVEN, at, expires, account, mentionId, null, ConsentScope.REPLY);
    }

    ConsentEvent withdrawn(Instant at, String account, ConsentScope... scopes) {
        return event(ConsentEventType.WITHDRAWN, at, null, account, null, null, scopes);
    }

    ConsentEvent invalidated(Instant at, String account, ConsentScope... scopes) {
        return event(ConsentEventType.INVALIDATED, at, null, account, null, null, scopes);
    }

    ConsentEvent used(Instant at, ConsentEvent grant) {
        return event(
                ConsentEventType.USED,
                at,
                null,
                grant.account(),
                grant.interactionId(),
                grant.eventId(),
                grant.scopes().toArray(ConsentScope[]::new));
    }

    private ConsentEvent event(
            ConsentEventType type,
            Instant at,
            Instant expires,
            String account,
            String interaction,
            UUID refersTo,
            ConsentScope... scopes) {
        seq++;
        return new ConsentEvent(
                seq,
                new UUID(0, seq),
                USER,
                OPERATOR,
                account,
                Set.of(scopes),
                type,
                at,
                expires,
                interaction,
                refersTo,
                Evidence.reference(Channel.API, "test " + seq),
                type == ConsentEventType.GIVEN ? NOTICE : null,
                null,
                null,
                null);
    }
}
