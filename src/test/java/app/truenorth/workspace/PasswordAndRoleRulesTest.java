package app.truenorth.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.truenorth.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Domain rules that need no database: what a password may be, and how roles nest. */
class PasswordAndRoleRulesTest {

    @Test
    void aPasswordNeedsTenCharacters() {
        assertThatThrownBy(() -> Accounts.checkPassword("password", "123456789"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsEntry("password", "Use at least 10 characters."));
        assertThatThrownBy(() -> Accounts.checkPassword("password", null)).isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> Accounts.checkPassword("password", "1234567890")).doesNotThrowAnyException();
    }

    /** bcrypt reads 72 bytes: a longer password would be cut silently, so anything longer is refused. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ascii", "euro", "emoji"})
    void aPasswordMayHaveAtMost72BytesHoweverManyLettersThatIs(String kind) {
        String unit = switch (kind) {
            case "ascii" -> "a";      // 1 byte
            case "euro" -> "€";       // 3 bytes
            default -> "\uD83D\uDE00"; // 4 bytes, two chars
        };
        int bytesPerUnit = unit.getBytes(StandardCharsets.UTF_8).length;
        String longest = unit.repeat(72 / bytesPerUnit);
        String padding = "a".repeat(72 - longest.getBytes(StandardCharsets.UTF_8).length);
        String atLimit = longest + padding;
        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThatCode(() -> Accounts.checkPassword("newPassword", atLimit)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Accounts.checkPassword("newPassword", atLimit + "a"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsEntry("newPassword", "Use at most 72 bytes (about 72 letters)."));
    }

    @Test
    void twentyFiveEuroSignsAreFewLettersButTooManyBytes() {
        assertThatThrownBy(() -> Accounts.checkPassword("password", "€".repeat(25))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void eachRoleCanDoEverythingTheRolesBelowItCan() {
        Role[] strongestFirst = Role.values();
        for (int i = 0; i + 1 < strongestFirst.length; i++) {
            for (Permission p : Permission.values()) {
                if (strongestFirst[i + 1].allows(p)) {
                    assertThat(strongestFirst[i].allows(p)).as(strongestFirst[i] + " " + p).isTrue();
                }
            }
        }
        assertThat(Role.VIEWER.allows(Permission.READ)).isTrue();
        assertThat(Role.VIEWER.allows(Permission.CONTRIBUTE)).isFalse();
        assertThat(Role.CONTRIBUTOR.allows(Permission.CONTRIBUTE)).isTrue();
        assertThat(Role.CONTRIBUTOR.allows(Permission.EDIT)).isFalse();
        assertThat(Role.EDITOR.allows(Permission.EDIT)).isTrue();
        assertThat(Role.EDITOR.allows(Permission.ADMIN)).isFalse();
        assertThat(Role.OWNER.allows(Permission.ADMIN)).isTrue();
    }
}
