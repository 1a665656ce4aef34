package app.truenorth.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    @ParameterizedTest(name = "{0} failures beyond the free ones lock for {1} s")
    @CsvSource({"0, 30", "1, 60", "2, 120", "3, 240", "4, 480", "5, 900", "6, 900", "10, 900", "11, 900", "1000, 900",
            "2147483647, 900"})
    void theLockStartsAtThirtySecondsAndDoublesUpToFifteenMinutes(int beyond, long seconds) {
        assertThat(LoginThrottle.lockDuration(beyond)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void eachFurtherFailureLocksAtLeastAsLongAsTheOneBefore() {
        Duration previous = Duration.ZERO;
        for (int beyond = 0; beyond < 100; beyond++) {
            Duration lock = LoginThrottle.lockDuration(beyond);
            assertThat(lock).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(Duration.ofMinutes(15));
            previous = lock;
        }
    }
}
