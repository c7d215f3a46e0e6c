package org.exchange.accreditation.programme;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Loads every programme version file into {@code programme_version}, as a repeatable migration that runs again
 * whenever a file is added. A version already loaded is never changed: a file whose content differs from what was
 * loaded stops the migration, because a correction must be a new version (enrolments stay on theirs).
 */
@Component
class ProgrammeVersionsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return null;
    }

    @Override
    public String getDescription() {
        return "programme versions";
    }

    @Override
    public Integer getChecksum() {
        int checksum = 1;
        for (ProgrammeFiles.ProgrammeFile file : ProgrammeFiles.read()) {
            checksum = 31 * checksum + file.sha256().hashCode();
        }
        return checksum;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        load(context.getConnection(), ProgrammeFiles.read(), Instant.now());
    }

    static void load(Connection connection, List<ProgrammeFiles.ProgrammeFile> files, Instant now)
            throws SQLException {
        for (ProgrammeFiles.ProgrammeFile file : files) {
            Programme programme = file.programme();
            String loaded = loadedSha(connection, programme.code(), programme.version());
            if (loaded == null) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into programme_version (code, version, title, definition, definition_sha256, loaded_at)
                        values (?, ?, ?, cast(? as jsonb), ?, ?)""")) {
                    insert.setString(1, programme.code());
                    insert.setInt(2, programme.version());
                    insert.setString(3, programme.title());
                    insert.setString(4, new String(file.content(), StandardCharsets.UTF_8));
                    insert.setString(5, file.sha256());
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.executeUpdate();
                }
            } else if (!loaded.equals(file.sha256())) {
                throw new IllegalStateException("Programme " + programme.code() + " version " + programme.version()
                        + " was loaded before with other content: " + file.name()
                        + " must not be edited; add a new version instead");
            }
        }
    }

    private static String loadedSha(Connection connection, String code, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select definition_sha256 from programme_version where code = ? and version = ?")) {
            select.setString(1, code);
            select.setInt(2, version);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
