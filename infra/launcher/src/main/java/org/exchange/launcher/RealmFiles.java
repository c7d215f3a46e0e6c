package org.exchange.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm files of {@code infra/keycloak}, with the addresses of this run filled in. The files name them as
 * Keycloak's import placeholders ({@code ${EXCHANGE_PORTAL_URL:http://localhost:8080}}), so that a Keycloak started
 * with those environment variables (docker-compose) reads the same files; other placeholders (Keycloak's message keys
 * such as {@code ${username}}) are left alone.
 */
final class RealmFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(EXCHANGE_[A-Z_]+)(?::([^}]*))?}");

    private RealmFiles() {
    }

    /** Writes {@code source} to {@code targetDir} with the given values in place of their placeholders. */
    static Path render(Path source, Path targetDir, Map<String, String> values) {
        try {
            String realm = Files.readString(source, StandardCharsets.UTF_8);
            Matcher matcher = PLACEHOLDER.matcher(realm);
            StringBuilder rendered = new StringBuilder();
            while (matcher.find()) {
                String value = values.getOrDefault(matcher.group(1), matcher.group(2));
                if (value == null) {
                    throw new IllegalArgumentException(source + " needs a value for " + matcher.group(1));
                }
                matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(rendered);
            Path target = Files.createDirectories(targetDir).resolve(source.getFileName());
            Files.writeString(target, rendered, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the realm file " + source, e);
        }
    }
}
