package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jar a service starts from, and when its AOT cache is kept or thrown away (docs/adr/0029). */
class AotCacheTest {

    @TempDir
    Path dir;

    @AfterEach
    void cacheOnAgain() {
        System.clearProperty(AotCache.ENABLED_PROPERTY);
    }

    @Test
    void aJarRepackagedWithTheSameContentKeepsItsKeyAndAChangedClassGivesANewOne() throws IOException {
        Path jar = jar("a.jar", Map.of("BOOT-INF/classes/A.class", "a", "BOOT-INF/lib/x.jar", "x"),
                Instant.parse("2026-01-01T00:00:00Z"));
        Path repackaged = jar("b.jar", Map.of("BOOT-INF/classes/A.class", "a", "BOOT-INF/lib/x.jar", "x"),
                Instant.parse("2026-12-01T20:00:00Z"));
        Path changed = jar("c.jar", Map.of("BOOT-INF/classes/A.class", "a2", "BOOT-INF/lib/x.jar", "x"),
                Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(AotCache.key(repackaged)).as("timestamps do not count").isEqualTo(AotCache.key(jar))
                .hasSize(16);
        assertThat(AotCache.key(changed)).isNotEqualTo(AotCache.key(jar));
    }

    @Test
    void turnedOffTheServiceStartsFromItsFatJarCopyWithNoCacheOption() throws IOException {
        System.setProperty(AotCache.ENABLED_PROPERTY, "false");
        Path jar = jar("service.jar", Map.of("A.class", "a"), Instant.now());
        Path copy = dir.resolve("copy.jar");

        AotCache.Launch launch = AotCache.prepare(jar, () -> copy);

        assertThat(AotCache.applies()).isFalse();
        assertThat(launch.jar()).isEqualTo(copy);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(launch.trains()).isFalse();
    }

    @Test
    void aJarThatCannotBeExtractedStartsFromItsFatJarRatherThanFailing() throws IOException {
        // not a Spring Boot jar: the extraction fails, the start does not
        Path jar = jar("plain.jar", Map.of("A.class", "a"), Instant.now());
        Path copy = dir.resolve("copy.jar");

        AotCache.Launch launch = AotCache.prepare(jar, () -> copy);

        assertThat(launch.jar()).isEqualTo(copy);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    void aTrainingRunsCacheIsKeptOnlyWhenTheJvmSaidItWroteItAndStoppedByItself() throws IOException {
        Path log = Files.writeString(dir.resolve("service.log"), "[0.1s][info][aot] " + AotCache.CREATED
                + ": " + dir + "/training-1.aot\n");
        Path training = Files.writeString(dir.resolve("training-1.aot"), "cache");
        new AotCache.Launch(dir.resolve("app.jar"), List.of(), training).keepTrainingResult(log, true);
        assertThat(dir.resolve(AotCache.CACHE_FILE)).hasContent("cache");
        assertThat(training).doesNotExist();

        Path killed = Files.writeString(dir.resolve("training-2.aot"), "half a cache");
        new AotCache.Launch(dir.resolve("app.jar"), List.of(), killed).keepTrainingResult(log, false);
        assertThat(killed).doesNotExist();
        assertThat(dir.resolve(AotCache.CACHE_FILE)).hasContent("cache");

        Files.delete(dir.resolve(AotCache.CACHE_FILE));
        Path silent = Files.writeString(dir.resolve("training-3.aot"), "cache");
        new AotCache.Launch(dir.resolve("app.jar"), List.of(), silent)
                .keepTrainingResult(Files.writeString(dir.resolve("other.log"), "Started\n"), true);
        assertThat(silent).doesNotExist();
        assertThat(dir.resolve(AotCache.CACHE_FILE)).doesNotExist();
    }

    private Path jar(String name, Map<String, String> entries, Instant time) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entryName : entries.keySet().stream().sorted().toList()) {
                ZipEntry entry = new ZipEntry(entryName);
                entry.setLastModifiedTime(FileTime.from(time));
                zip.putNextEntry(entry);
                zip.write(entries.get(entryName).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
