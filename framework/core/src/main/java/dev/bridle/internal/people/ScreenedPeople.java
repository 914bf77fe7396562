package dev.bridle.internal.people;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.People;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.internal.text.ContentHash;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One bot's {@link People}: every fact is screened before it is stored, and a fact in a restricted category is refused
 * and ledgered ({@code FACT} {@code DENIED} {@code SENSITIVE_ATTRIBUTE}, with the key, the category and the value's
 * hash, never the value or the terms that matched in it). The rule is the platform's: nothing about a user's health,
 * negative finances, politics, ethnic origin, religion, sex life, union membership or crimes is derived, inferred or
 * stored; a value the bot computed counts as much as one it was told. A screen that throws stores nothing.
 *
 * <p>A fact is stored as <em>provided</em> by the person only when its source is a message the bot's account received
 * from that same person ({@link MessageOrigins}); a bot that keeps provided facts when consent ends
 * ({@code onConsentEnd: keep-provided}) keeps those and no other. A source the bot merely names, or a post by someone
 * else, makes the fact derived.
 */
public final class ScreenedPeople implements People {

    /** The ledger's action kind for a fact. */
    public static final String FACT = "FACT";
    /** Who decides, as the ledger names it. */
    public static final String SCREEN = "FactScreen";

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_VALUE_LENGTH = 4_000;

    private final String bot;
    private final String account;
    private final Set<Purpose> purposes;
    private final FactScreen screen;
    private final PersonFacts facts;
    private final MessageOrigins origins;
    private final AuditLedger ledger;
    private final Clock clock;

    /**
     * @param purposes the bot's declared purposes: facts are kept only if one of them needs them
     *     ({@link Purpose.Use#FACTS})
     * @param origins who sent the messages the account received: what makes a fact provided by the person
     */
    public ScreenedPeople(
            String bot,
            String account,
            Set<Purpose> purposes,
            FactScreen screen,
            PersonFacts facts,
            MessageOrigins origins,
            AuditLedger ledger,
            Clock clock) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.account = Objects.requireNonNull(account, "account");
        this.purposes = Set.copyOf(purposes);
        this.screen = Objects.requireNonNull(screen, "screen");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FactResult put(UserRef user, String key, String value, PostRef source) {
        Objects.requireNonNull(user, "user");
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(
                    "facts are at most " + MAX_VALUE_LENGTH + " characters; '" + key + "' has " + value.length());
        }
        if (!Purpose.allows(purposes, Purpose.Use.FACTS)) {
            String message = "'" + key + "' about " + user + " not remembered: bot '" + bot + "' declares "
                    + (purposes.isEmpty() ? "no purpose" : "only " + names(purposes))
                    + ", and keeping facts about people needs one that does (customer_support,"
                    + " engagement_with_consent)";
            ledger.append(refusal(user, value, ReasonCode.NOT_FOR_PURPOSE, message));
            return new FactResult.Refused(ReasonCode.NOT_FOR_PURPOSE, "none", message);
        }
        Optional<FactScreen.Sensitive> sensitive = screen.screen(key, value);
        if (sensitive.isPresent()) {
            String category = sensitive.get().category();
            String message = "'" + key + "' about " + user + " is " + category
                    + " information, which is never derived, inferred or stored; not remembered";
            ledger.append(refusal(user, value, ReasonCode.SENSITIVE_ATTRIBUTE, message));
            return new FactResult.Refused(
                    ReasonCode.SENSITIVE_ATTRIBUTE,
                    category,
                    message + " (matched: " + String.join(", ", sensitive.get().terms()) + ")");
        }
        facts.put(bot, user.id(), key, value, source == null ? null : source.id(), providedBy(user, source));
        return new FactResult.Stored(key);
    }

    @Override
    public Optional<String> get(UserRef user, String key) {
        return facts.get(bot, Objects.requireNonNull(user, "user").id(), checkKey(key));
    }

    @Override
    public Map<String, String> all(UserRef user) {
        Map<String, String> all = new LinkedHashMap<>();
        for (StoredFact fact :
                facts.of(bot, Objects.requireNonNull(user, "user").id())) {
            all.put(fact.key(), fact.value());
        }
        return all;
    }

    @Override
    public void forget(UserRef user, String key) {
        facts.forget(bot, Objects.requireNonNull(user, "user").id(), checkKey(key));
    }

    @Override
    public void forget(UserRef user) {
        facts.forget(bot, Objects.requireNonNull(user, "user").id());
    }

    private boolean providedBy(UserRef user, PostRef source) {
        return source != null
                && (source.author() == null || source.author().id().equals(user.id()))
                && origins.receivedFrom(account, source.id(), user.id());
    }

    private static String names(Set<Purpose> purposes) {
        return String.join(
                ", ", purposes.stream().sorted().map(Purpose::configName).toList());
    }

    private LedgerRecord refusal(UserRef user, String value, ReasonCode code, String message) {
        return new LedgerRecord(
                clock.instant(),
                UUID.randomUUID(),
                bot,
                account,
                FACT,
                List.of(user.id()),
                ContentHash.sha256Hex(value),
                LedgerEvent.DENIED,
                SCREEN,
                code.name(),
                code.rule().name(),
                message,
                null,
                null);
    }

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("fact keys are 1 to " + MAX_KEY_LENGTH + " characters, not blank");
        }
        return key;
    }
}
