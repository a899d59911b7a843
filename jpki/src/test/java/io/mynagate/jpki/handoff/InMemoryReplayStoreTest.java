package io.mynagate.jpki.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryReplayStoreTest {
    private final MutableClock clock = new MutableClock(Realm.NOW);
    private final Instant inTenSeconds = Realm.NOW.plusSeconds(10);

    @Test
    void acceptsTheFirstUse() {
        assertThat(ReplayStore.inMemory(10, clock).markUsed("a", inTenSeconds)).isTrue();
    }

    @Test
    void refusesTheSecondUse() {
        ReplayStore store = ReplayStore.inMemory(10, clock);
        store.markUsed("a", inTenSeconds);
        assertThat(store.markUsed("a", inTenSeconds)).isFalse();
    }

    @Test
    void remembersAnIdUntilItsExpiry() {
        ReplayStore store = ReplayStore.inMemory(10, clock);
        store.markUsed("a", inTenSeconds);
        clock.advance(Duration.ofSeconds(10));
        assertThat(store.markUsed("a", inTenSeconds)).isFalse();
    }

    @Test
    void forgetsAnIdAfterItsExpiry() {
        InMemoryReplayStore store = new InMemoryReplayStore(10, clock);
        store.markUsed("a", inTenSeconds);
        clock.advance(Duration.ofSeconds(11));
        assertThat(store.markUsed("b", inTenSeconds.plusSeconds(60))).isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesNewIdsWhenFullOfLiveOnes() {
        ReplayStore store = ReplayStore.inMemory(2, clock);
        store.markUsed("a", inTenSeconds);
        store.markUsed("b", inTenSeconds);
        assertThat(store.markUsed("c", inTenSeconds)).isFalse();
        assertThat(store.markUsed("a", inTenSeconds)).isFalse();
    }

    @Test
    void makesRoomOnceEntriesExpire() {
        ReplayStore store = ReplayStore.inMemory(2, clock);
        store.markUsed("a", inTenSeconds);
        store.markUsed("b", inTenSeconds);
        clock.advance(Duration.ofSeconds(11));
        assertThat(store.markUsed("c", inTenSeconds.plusSeconds(60))).isTrue();
    }

    @Test
    void acceptsOneOfManyConcurrentUsesOfOneId() throws Exception {
        ReplayStore store = ReplayStore.inMemory(100, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.markUsed("same", inTenSeconds);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> result : results) {
                accepted += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesANonPositiveSize() {
        assertThatThrownBy(() -> ReplayStore.inMemory(0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
