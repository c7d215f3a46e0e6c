package org.exchange.membership.onboarding;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway's V20_2: the partners' client secrets stored in plain text before they were encrypted at rest are encrypted
 * in place, with the service's key ({@link PartnerSecrets}). A Java migration, because the key is configuration, not
 * data; Spring Boot hands every {@code JavaMigration} bean to Flyway (its version is given here, not by a class name).
 */
@Component
class EncryptPartnerClientSecrets implements JavaMigration {

    private final PartnerSecrets secrets;

    EncryptPartnerClientSecrets(PartnerSecrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("20.2");
    }

    @Override
    public String getDescription() {
        return "encrypt partner client secrets";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Map<String, String> plain = new LinkedHashMap<>();
        try (PreparedStatement select = context.getConnection().prepareStatement(
                "select identity_provider_alias, client_secret from partner_sign_in where client_secret is not null");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (!PartnerSecrets.isEncrypted(rows.getString(2))) {
                    plain.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update partner_sign_in set client_secret = ? where identity_provider_alias = ?")) {
            for (Map.Entry<String, String> row : plain.entrySet()) {
                update.setString(1, secrets.encrypt(row.getKey(), row.getValue()));
                update.setString(2, row.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
