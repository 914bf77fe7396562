package dev.bridle;

import dev.bridle.audit.AuditLedger;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.people.ForgetOnConsentEnd;
import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.store.Database;
import java.time.Clock;

/**
 * Bridle's store alone, without the platform: consent and opt-outs, what bots remember about people, the audit ledger,
 * the accounts' pauses. It needs no credentials and connects to nothing but the database, so an operator's tool can
 * work while the bots run on another node, or with none running; {@code bridle consent}, {@code bridle audit} and
 * {@code bridle accounts} use it.
 *
 * <pre>{@code
 * try (BridleStore store = Bridle.builder().config(Path.of("config/bridle.yaml")).openStore()) {
 *     store.contacts().grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "signup form 8841");
 *     if (!store.ledger().verify().intact()) { ... }
 * }
 * }</pre>
 *
 * Each part is opened when it is first asked for, with the configured {@code consent:} and {@code optout:} settings, as
 * a running Bridle opens it; what is recorded here the running nodes see at once. Safe for one thread at a time.
 */
public final class BridleStore implements AutoCloseable {

    private final BridleConfig config;
    private final Database database;
    private final Clock clock;
    private JdbcAuditLedger ledger;
    private Contacts contacts;
    private Accounts accounts;
    private PeopleData people;

    private BridleStore(BridleConfig config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.clock = clock;
    }

    /** Opens {@code config}'s store, migrated to the current schema first. */
    static BridleStore open(BridleConfig config, Clock clock) {
        Database database = Database.open(config.store());
        try {
            database.migrate();
            return new BridleStore(config, database, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Consent and opt-out: grant, withdraw, opt out, status, history and receipts. */
    public synchronized Contacts contacts() {
        if (contacts == null) {
            ConsentRegistry consents = new ConsentRegistry(database, clock, config.consent());
            ForgetOnConsentEnd.attach(consents, new PersonFacts(database, clock), config.botsKeepingProvided());
            contacts = new Contacts(consents, new OptOutRegistry(database, clock, config.optOut(), consents), clock);
        }
        return contacts;
    }

    /** What bots remember about people: listing it for a person, and forgetting it. */
    public synchronized PeopleData people() {
        if (people == null) {
            people = new PeopleData(new PersonFacts(database, clock));
        }
        return people;
    }

    /** The audit ledger: its last rows, the check of its hash chain and anchor, and accepting a new anchor. */
    public synchronized AuditLedger ledger() {
        if (ledger == null) {
            ledger = JdbcAuditLedger.open(database);
        }
        return ledger;
    }

    /** The accounts the platform made Bridle pause, and resuming them. */
    public synchronized Accounts accounts() {
        if (accounts == null) {
            accounts = new Accounts(new AccountHealth(database, clock));
        }
        return accounts;
    }

    /** Appends what the ledger still holds, then closes the store. */
    @Override
    public synchronized void close() {
        try {
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            database.close();
        }
    }
}
