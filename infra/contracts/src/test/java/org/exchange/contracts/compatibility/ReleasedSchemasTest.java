package org.exchange.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exchange.contracts.EventTypes;
import org.exchange.contracts.IntegrationEventClasses;
import org.exchange.contracts.compatibility.SchemaCompatibility.Breaking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every event schema is compatible with its version in the last release (the baseline under
 * src/test/resources/released), and no released schema disappears unless it is deliberately retired.
 */
class ReleasedSchemasTest {

    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path CURRENT = MODULE.resolve("src/main/resources/schemas");
    static final Path RELEASED = MODULE.resolve("src/test/resources/released");
    static final String CUT = "./mvnw -B -ntp -o -pl infra/contracts -am verify -Dtest=ReleasedSchemasTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcontracts.release=<version>";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static ReleasedSchemas released;
    static Map<String, Path> current;

    @BeforeAll
    static void readBaseline() throws IOException {
        String release = System.getProperty("contracts.release", "");
        if (!release.isBlank()) {
            ReleasedSchemas.cut(CURRENT, RELEASED, release.strip());
        }
        released = ReleasedSchemas.in(RELEASED);
        current = ReleasedSchemas.typesIn(CURRENT);
    }

    static Stream<String> releasedAndStillPublished() {
        readBaselineQuietly();
        return released.schemas().keySet().stream().filter(current::containsKey);
    }

    @ParameterizedTest
    @MethodSource("releasedAndStillPublished")
    void aSchemaIsCompatibleWithItsReleasedVersion(String type) {
        List<Breaking> breaking = SchemaCompatibility.compare(JSON.readTree(released.schemas().get(type).toFile()),
                JSON.readTree(current.get(type).toFile()));

        assertThat(breaking).as("""
                %s is not compatible with release %s:
                  %s
                Only optional properties may be added to a published version; publish the change as a new version
                beside this one instead (docs/events.md, Compatibility).""",
                type, released.version(), String.join("\n  ", breaking.stream().map(Breaking::toString).toList()))
                .isEmpty();
    }

    @Test
    void everyReleasedSchemaIsStillPublishedUnlessDeliberatelyRetired() {
        List<String> gone = released.schemas().keySet().stream()
                .filter(type -> !current.containsKey(type) && !released.retired().contains(type)).toList();

        assertThat(gone).as("schemas of release %s that are gone from %s; consumers may still read them: publish them"
                + " until every consumer has moved, then list them in %s", released.version(), MODULE.relativize(CURRENT),
                MODULE.relativize(RELEASED.resolve(ReleasedSchemas.RETIRED))).isEmpty();
    }

    @Test
    void aRetiredVersionWasReleasedAndIsNoLongerPublished() {
        for (String type : released.retired()) {
            assertThat(released.schemas()).as("retired %s is not in release %s", type, released.version()).containsKey(type);
            assertThat(current).as("retired %s is still published", type).doesNotContainKey(type);
        }
    }

    @Test
    void everyEventClassHasItsSchemaInTheCurrentSet() {
        assertThat(current.keySet()).containsExactlyInAnyOrderElementsOf(
                IntegrationEventClasses.all().stream().map(EventTypes::typeName).toList());
    }

    @Test
    void cuttingABaselineReplacesThePreviousOneAndEmptiesTheRetiredList(@TempDir Path work) throws IOException {
        Path schemas = work.resolve("schemas");
        Files.createDirectories(schemas.resolve("exchange"));
        Files.writeString(schemas.resolve("exchange/GroupClosed.v2.json"), "{}");
        Path releasedDir = work.resolve("released");
        Files.createDirectories(releasedDir.resolve("0.1.0/schemas/exchange"));
        Files.writeString(releasedDir.resolve("0.1.0/schemas/exchange/GroupClosed.v1.json"), "{}");
        Files.writeString(releasedDir.resolve(ReleasedSchemas.RETIRED), "exchange.GroupClosed.v1 consumers moved to v2\n");
        assertThat(ReleasedSchemas.in(releasedDir).retired()).containsExactly("exchange.GroupClosed.v1");

        ReleasedSchemas.cut(schemas, releasedDir, "0.2.0");

        ReleasedSchemas cut = ReleasedSchemas.in(releasedDir);
        assertThat(cut.version()).isEqualTo("0.2.0");
        assertThat(cut.schemas()).containsOnlyKeys("exchange.GroupClosed.v2");
        assertThat(cut.retired()).isEmpty();
        assertThat(releasedDir.resolve("0.1.0")).doesNotExist();
    }

    @Test
    void theBaselineOfTheLastReleaseIsTheOnlyOneKept() {
        assertThat(released.version()).as("the baseline directory under %s; cut a new one with%n  %s",
                MODULE.relativize(RELEASED), CUT).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(released.schemas()).isNotEmpty();
    }

    private static void readBaselineQuietly() {
        if (released == null) {
            try {
                readBaseline();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
