package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The launcher's command line: which data it keeps, which it deletes, and what it says about a wrong option. */
class LocalPlatformOptionsTest {

    private static final Path ROOT = Path.of("/checkout");

    @Test
    void withoutOptionsTheDataIsKeptInTheCheckoutAndKeycloaksToo() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(ROOT);

        assertThat(options.data()).isEqualTo(ROOT.resolve(".platform"));
        assertThat(options.reset()).isFalse();
        assertThat(options.settings(ROOT).freshKeycloak()).isFalse();
        assertThat(options.settings(ROOT).clockOffset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void resetKeycloakStartsAFreshKeycloakAndDeletesNothingElse() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(ROOT, "--reset-keycloak");

        assertThat(options.reset()).as("the services' data is kept").isFalse();
        PlatformSettings settings = options.settings(ROOT);
        assertThat(settings.freshKeycloak()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(ROOT.resolve(".platform"));
        assertThat(settings.keycloakPort()).as("the README's ports").isEqualTo(8180);
    }

    @Test
    void resetDeletesEverythingSoKeycloakHasNothingLeftToDeleteOnItsOwn() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(ROOT, "--reset", "--reset-keycloak");

        assertThat(options.reset()).isTrue();
        assertThat(options.settings(ROOT).freshKeycloak()).isFalse();
    }

    @Test
    void theOtherOptionsKeepTheirMeaningBesideTheKeycloakReset() {
        LocalPlatform.Options options = LocalPlatform.Options.parse(ROOT, "--data", "/elsewhere", "--reset-keycloak",
                "--clock-offset", "P30D");

        PlatformSettings settings = options.settings(ROOT);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/elsewhere"));
        assertThat(settings.clockOffset()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.freshKeycloak()).isTrue();
    }

    @Test
    void anUnknownOrIncompleteOptionIsRefusedWithTheListOfOptions() {
        assertThatThrownBy(() -> LocalPlatform.Options.parse(ROOT, "--reset-keycloack"))
                .hasMessageStartingWith("Unknown option --reset-keycloack.")
                .hasMessageContaining("--reset-keycloak").hasMessageContaining("--help");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(ROOT, "--data"))
                .hasMessageStartingWith("--data needs a value.");
        assertThatThrownBy(() -> LocalPlatform.Options.parse(ROOT, "--clock-offset", "a year"))
                .hasMessageStartingWith("--clock-offset a year is not an ISO-8601 duration");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(LocalPlatform.Options.parse(ROOT, "--help").help()).isTrue();
        assertThat(LocalPlatform.Options.parse(ROOT, "-h").help()).isTrue();
        assertThat(LocalPlatform.OPTIONS).contains("--reset ", "--reset-keycloak", "--data <dir>", "--clock-offset",
                "--help");
    }
}
