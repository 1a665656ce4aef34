package app.truenorth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionedTest {

    @Test
    void etagRoundTripsThroughIfMatch() {
        assertThat(Versioned.versionFromIfMatch(Versioned.etag(42, 7), 42)).isEqualTo(7);
        assertThat(Versioned.versionFromIfMatch("W/" + Versioned.etag(42, 7), 42)).isEqualTo(7);
    }

    @Test
    void anEtagOfAnotherEntityNeverMatches() {
        assertThat(Versioned.versionFromIfMatch(Versioned.etag(41, 7), 42)).isEqualTo(-1);
        assertThat(Versioned.versionFromIfMatch("\"garbage\"", 42)).isEqualTo(-1);
        assertThat(Versioned.versionFromIfMatch("\"42-x\"", 42)).isEqualTo(-1);
    }

    @Test
    void noHeaderMeansTheBodyDecides() {
        assertThat(Versioned.versionFromIfMatch(null, 42)).isNull();
        assertThat(Versioned.versionFromIfMatch(" ", 42)).isNull();
    }

    @Test
    void zeroRowsUpdatedIsAConflict() {
        Versioned.requireUpdated(1, "The product");
        assertThatThrownBy(() -> Versioned.requireUpdated(0, "The product"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("The product was changed by someone else");
    }
}
