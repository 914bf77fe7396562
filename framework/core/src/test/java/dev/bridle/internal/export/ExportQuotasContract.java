package dev.bridle.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recipients and the redistribution quotas on every database: reserved before writing, across threads and restarts. */
abstract class ExportQuotasContract extends StoreTestBase {

    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
    private final MutableClock clock = MutableClock.at(START);

    @BeforeEach
    void empty() {
        clock.set(START); // one instance serves the class's tests
        sql("DELETE FROM export_batch", "DELETE FROM export_recipient");
    }

    private Recipient recipient(String name, boolean academic, String permission) {
        return new Recipient(name, LocalDate.of(2026, 11, 2), "MSA-2026-114, signed", academic, permission, START);
    }

    private ExportQuotas quotas() {
        return new ExportQuotas(db, clock);
    }

    @Test
    void aRecipientWithoutARecordedAgreementGetsNothing() {
        ExportQuotas.Reservation r = quotas().reserve("nobody", 10, 0, "/tmp/out.json");

        assertThat(r).isInstanceOfSatisfying(ExportQuotas.Reservation.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(ReasonCode.NO_RECIPIENT_AGREEMENT);
            assertThat(refused.message()).contains("bridle recipients add nobody");
        });
        assertThat(queryString("SELECT COUNT(*) FROM export_batch")).isEqualTo("0");
    }

    @Test
    void idsGoWithinThirtyDaysAndTheRefusalSaysWhatRemainsAndWhenMoreFreesUp() {
        new Recipients(db).add(recipient("acme-partner", false, null));
        assertThat(quotas().reserve("acme-partner", 1_000_000, 0, "/tmp/a.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        clock.advance(Duration.ofDays(10));

        ExportQuotas.Reservation over = quotas().reserve("acme-partner", 600_000, 0, "/tmp/b.json");

        assertThat(over).isInstanceOfSatisfying(ExportQuotas.Reservation.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo(ReasonCode.EXPORT_QUOTA);
            assertThat(refused.message())
                    .contains("1000000 went already, 500000 remain", "more frees up at 2027-01-02T09:00:00Z");
        });
        assertThat(quotas().reserve("acme-partner", 500_000, 0, "/tmp/c.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        clock.advance(Duration.ofDays(20).plusSeconds(1)); // the first export leaves the window
        assertThat(quotas().state("acme-partner").orElseThrow().ids().remaining())
                .isEqualTo(1_000_000);
    }

    @Test
    void academicResearchAndWrittenPermissionLiftTheIdLimitButNotTheHydratedOne() {
        new Recipients(db).add(recipient("uni-lab", true, null));
        new Recipients(db).add(recipient("licensed", false, "X permission letter 2026-09-14"));

        assertThat(quotas().reserve("uni-lab", 2_000_000, 0, "/tmp/u.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        assertThat(quotas().reserve("licensed", 3_000_000, 0, "/tmp/l.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        assertThat(quotas().reserve("uni-lab", 60_000, 60_000, "/tmp/h.json"))
                .isInstanceOfSatisfying(
                        ExportQuotas.Reservation.Refused.class,
                        r -> assertThat(r.message()).contains("hydrated objects", "50000 in any 24 hours"));
        assertThat(quotas().state("uni-lab").orElseThrow().ids().limit()).isEqualTo(-1);
    }

    @Test
    void hydratedObjectsAreFiftyThousandInAnyTwentyFourHours() {
        new Recipients(db).add(recipient("acme-partner", false, null));
        assertThat(quotas().reserve("acme-partner", 40_000, 40_000, "/tmp/1.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        clock.advance(Duration.ofHours(23));
        assertThat(quotas().reserve("acme-partner", 20_000, 20_000, "/tmp/2.json"))
                .isInstanceOf(ExportQuotas.Reservation.Refused.class);
        assertThat(quotas().reserve("acme-partner", 20_000, 0, "/tmp/3.json"))
                .as("IDs only")
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(quotas().reserve("acme-partner", 20_000, 20_000, "/tmp/4.json"))
                .isInstanceOf(ExportQuotas.Reservation.Granted.class);
    }

    @Test
    void aReleasedReservationGivesItsQuotaBackAndARestartForgetsNothing() {
        new Recipients(db).add(recipient("acme-partner", false, null));
        ExportQuotas.Reservation.Granted first =
                (ExportQuotas.Reservation.Granted) quotas().reserve("acme-partner", 1_000_000, 0, "/tmp/a.json");
        ExportQuotas.Reservation.Granted second =
                (ExportQuotas.Reservation.Granted) quotas().reserve("acme-partner", 400_000, 0, "/tmp/b.json");
        quotas().release(second.batch()); // writing it failed

        reopen();

        assertThat(first.batch()).isNotNull();
        assertThat(quotas().state("acme-partner").orElseThrow().ids().used()).isEqualTo(1_000_000);
    }

    @Test
    void manyExportsAtOnceCannotSpendTheSameRemainder() throws Exception {
        new Recipients(db).add(recipient("acme-partner", false, null));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ExportQuotas.Reservation>> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ExportQuotas own = new ExportQuotas(db, clock); // as separate nodes would
            int n = i;
            all.add(pool.submit(() -> {
                go.await();
                return own.reserve("acme-partner", 400_000, 0, "/tmp/" + n + ".json");
            }));
        }
        go.countDown();
        int granted = 0;
        for (Future<ExportQuotas.Reservation> f : all) {
            if (f.get(60, TimeUnit.SECONDS) instanceof ExportQuotas.Reservation.Granted) {
                granted++;
            }
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(3); // 1,200,000; a fourth would pass 1,500,000
        assertThat(quotas().state("acme-partner").orElseThrow().ids().used()).isEqualTo(1_200_000);
    }

    @Test
    void aRecipientsRecordIsNotOverwrittenAndBadRecordsAreRefusedWithAReason() {
        new Recipients(db).add(recipient("acme-partner", false, null));

        assertThatThrownBy(() -> new Recipients(db).add(recipient("acme-partner", true, null)))
                .hasMessageContaining("recorded already");
        assertThat(new Recipients(db).find("acme-partner").orElseThrow().academicNonCommercial())
                .isFalse();
        assertThatThrownBy(() -> recipient("no spaces", false, null)).hasMessageContaining("a recipient's name");
        assertThatThrownBy(() -> new Recipient("ok", LocalDate.EPOCH, " ", false, null, START))
                .hasMessageContaining("not blank");
        assertThat(new Recipients(db).list()).extracting(Recipient::name).containsExactly("acme-partner");
    }
}
