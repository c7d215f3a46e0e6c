package org.exchange.accreditation.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.exchange.platform.security.SecretTokens;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The programme version files on the classpath ({@code programmes/*.json}), read and checked. */
final class ProgrammeFiles {

    static final String LOCATION = "classpath*:programmes/*.json";
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** A file's parsed programme and the exact bytes it was read from. */
    record ProgrammeFile(String name, byte[] content, Programme programme) {

        String sha256() {
            return SecretTokens.sha256Hex(content);
        }
    }

    private ProgrammeFiles() {
    }

    static List<ProgrammeFile> read() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<ProgrammeFile> files = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources)
                    .sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                byte[] content;
                try (InputStream in = resource.getInputStream()) {
                    content = in.readAllBytes();
                }
                Programme programme = JSON.readValue(content, Programme.class);
                String expected = programme.code() + ".v" + programme.version() + ".json";
                if (!expected.equals(resource.getFilename())) {
                    throw new IllegalStateException("Programme file " + resource.getFilename()
                            + " must be named " + expected + " after the code and version it holds");
                }
                files.add(new ProgrammeFile(resource.getFilename(), content, programme));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the programme files", e);
        }
    }
}
