package io.mynagate.jpki.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DerMemoTest {
    private final AtomicInteger computations = new AtomicInteger();

    private String length(byte[] der) {
        computations.incrementAndGet();
        return "length " + der.length + " first " + der[0];
    }

    @Test
    void answersEqualBytesInAnotherArrayFromMemory() {
        DerMemo<String> memo = new DerMemo<>(8);

        String first = memo.get(new byte[] {1, 2, 3}, this::length);
        String second = memo.get(new byte[] {1, 2, 3}, this::length);

        assertThat(second).isEqualTo(first).isEqualTo("length 3 first 1");
        assertThat(computations).hasValue(1);
    }

    @Test
    void computesAgainForBytesThatDifferInOneByte() {
        DerMemo<String> memo = new DerMemo<>(8);
        memo.get(new byte[] {1, 2, 3}, this::length);

        assertThat(memo.get(new byte[] {9, 2, 3}, this::length)).isEqualTo("length 3 first 9");
        assertThat(computations).hasValue(2);
    }

    @Test
    void remembersNothingWhenTheComputationThrows() {
        DerMemo<String> memo = new DerMemo<>(8);
        DerMemo.Computation<String, IllegalArgumentException> malformed = der -> {
            computations.incrementAndGet();
            throw new IllegalArgumentException("malformed");
        };

        assertThatThrownBy(() -> memo.get(new byte[] {4}, malformed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memo.get(new byte[] {4}, malformed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(computations).hasValue(2);
        assertThat(memo.size()).isZero();
    }

    @Test
    void doesNotRememberInputLongerThanTheLimit() {
        DerMemo<String> memo = new DerMemo<>(8);
        byte[] large = new byte[DerMemo.MAX_KEY_BYTES + 1];

        memo.get(large, this::length);
        memo.get(large, this::length);

        assertThat(computations).hasValue(2);
        assertThat(memo.size()).isZero();
    }

    @Test
    void staysWithinItsBound() {
        DerMemo<String> memo = new DerMemo<>(2);

        for (int i = 0; i < 5; i++) {
            memo.get(new byte[] {(byte) i}, this::length);
        }

        assertThat(memo.size()).isBetween(1, 2);
        assertThat(memo.get(new byte[] {4}, this::length)).isEqualTo("length 1 first 4");
    }
}
