package org.exchange.assessment.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a data file of the Professional Standards. An edition and its standards are added once; each data version
 * adds the texts it carries beside the earlier ones, so a corrected wording never overwrites what an earlier version
 * said.
 */
public final class StandardsLoader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StandardsLoader() {
    }

    /** Loads the data file at the given classpath location. */
    public static void load(JdbcClient jdbc, String classpathLocation) {
        StandardsData data = read(classpathLocation);
        for (StandardsData.Edition edition : data.editions()) {
            jdbc.sql("""
                    insert into framework_edition (id, name, year, publisher, source, is_current, data_version)
                    values (:id, :name, :year, :publisher, :source, :current, :version)
                    on conflict (id) do update set data_version = excluded.data_version""")
                    .param("id", edition.id()).param("name", edition.name()).param("year", edition.year())
                    .param("publisher", edition.publisher()).param("source", edition.source())
                    .param("current", edition.current()).param("version", data.dataVersion())
                    .update();
            for (StandardsData.Text text : edition.standards()) {
                jdbc.sql("""
                        insert into standard (id, edition_id, number, area) values (:id, :edition, :number, :area)
                        on conflict (id) do nothing""")
                        .param("id", text.id()).param("edition", edition.id()).param("number", text.number())
                        .param("area", text.area())
                        .update();
                jdbc.sql("""
                        insert into standard_text (standard_id, data_version, wording, complete, source, note)
                        values (:id, :version, :wording, :complete, :source, :note)""")
                        .param("id", text.id()).param("version", data.dataVersion()).param("wording", text.wording())
                        .param("complete", text.complete()).param("source", text.source()).param("note", text.note())
                        .update();
            }
        }
    }

    static StandardsData read(String classpathLocation) {
        try (InputStream in = new ClassPathResource(classpathLocation).getInputStream()) {
            return JSON.readValue(in, StandardsData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the standards data " + classpathLocation, e);
        }
    }
}
