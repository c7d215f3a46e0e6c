package org.exchange.membership.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.exchange.membership.organisation.Organisation.Contact;
import org.exchange.membership.versioning.ExpectedVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partner organisations, with their contacts. */
@Repository
class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String id) {
        return jdbc.sql("select count(*) from organisation where id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    Optional<Organisation> find(String id) {
        return jdbc.sql("select * from organisation where id = :id").param("id", id)
                .query((rs, row) -> organisation(rs)).optional()
                .map(organisation -> withContacts(organisation, contactsOf(id)));
    }

    Optional<Organisation> withIdentityProvider(String alias) {
        return jdbc.sql("select * from organisation where identity_provider_alias = :alias").param("alias", alias)
                .query((rs, row) -> organisation(rs)).optional();
    }

    List<Organisation> all() {
        return jdbc.sql("select * from organisation order by name").query((rs, row) -> organisation(rs)).list();
    }

    /** Organisations whose current details have not been announced yet, locked so one instance announces each. */
    List<Organisation> unannouncedForUpdate() {
        return jdbc.sql("select * from organisation where not announced order by id for update skip locked")
                .query((rs, row) -> organisation(rs)).list();
    }

    void add(Organisation organisation) {
        jdbc.sql("""
                insert into organisation (id, name, type, region, identity_provider_alias, announced, registered_at)
                values (:id, :name, :type, :region, :alias, false, :at)""")
                .param("id", organisation.id())
                .param("name", organisation.name())
                .param("type", organisation.type().name())
                .param("region", organisation.region())
                .param("alias", organisation.identityProviderAlias())
                .param("at", Timestamp.from(organisation.registeredAt()))
                .update();
        writeContacts(organisation.id(), organisation.contacts());
    }

    /**
     * Changes the details at the version they were read at.
     *
     * @throws ExpectedVersion.Stale when someone else changed them since
     */
    void update(Organisation organisation) {
        int updated = jdbc.sql("""
                update organisation set name = :name, type = :type, region = :region,
                  identity_provider_alias = :alias, announced = false, version = version + 1
                where id = :id and version = :version""")
                .param("id", organisation.id())
                .param("name", organisation.name())
                .param("type", organisation.type().name())
                .param("region", organisation.region())
                .param("alias", organisation.identityProviderAlias())
                .param("version", organisation.version())
                .update();
        if (updated == 0) {
            throw new ExpectedVersion.Stale("this organisation's details");
        }
    }

    void markAnnounced(String id) {
        jdbc.sql("update organisation set announced = true where id = :id").param("id", id).update();
    }

    /**
     * Replaces the list of contacts read at {@code readVersion}.
     *
     * @throws ExpectedVersion.Stale when someone else replaced them since
     */
    void replaceContacts(String organisationId, List<Contact> contacts, long readVersion) {
        int updated = jdbc.sql("""
                update organisation set contacts_version = contacts_version + 1
                where id = :id and contacts_version = :version""")
                .param("id", organisationId).param("version", readVersion).update();
        if (updated == 0) {
            throw new ExpectedVersion.Stale("this organisation's contacts");
        }
        writeContacts(organisationId, contacts);
    }

    private void writeContacts(String organisationId, List<Contact> contacts) {
        jdbc.sql("delete from organisation_contact where organisation_id = :id").param("id", organisationId).update();
        for (int position = 0; position < contacts.size(); position++) {
            Contact contact = contacts.get(position);
            jdbc.sql("""
                    insert into organisation_contact (organisation_id, position, name, role, email, phone)
                    values (:organisation, :position, :name, :role, :email, :phone)""")
                    .param("organisation", organisationId)
                    .param("position", position)
                    .param("name", contact.name())
                    .param("role", contact.role())
                    .param("email", contact.email())
                    .param("phone", contact.phone())
                    .update();
        }
    }

    private List<Contact> contactsOf(String organisationId) {
        return jdbc.sql("select * from organisation_contact where organisation_id = :id order by position")
                .param("id", organisationId)
                .query((rs, row) -> new Contact(rs.getString("name"), rs.getString("role"), rs.getString("email"),
                        rs.getString("phone")))
                .list();
    }

    private static Organisation withContacts(Organisation organisation, List<Contact> contacts) {
        return new Organisation(organisation.id(), organisation.name(), organisation.type(), organisation.region(),
                organisation.identityProviderAlias(), contacts, organisation.registeredAt(), organisation.version(),
                organisation.contactsVersion());
    }

    private static Organisation organisation(ResultSet rs) throws SQLException {
        return new Organisation(rs.getString("id"), rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")), rs.getString("region"),
                rs.getString("identity_provider_alias"), List.of(), rs.getTimestamp("registered_at").toInstant(),
                rs.getLong("version"), rs.getLong("contacts_version"));
    }
}
