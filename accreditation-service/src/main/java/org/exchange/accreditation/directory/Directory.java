package org.exchange.accreditation.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.exchange.platform.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local read model of people, organisations and assessors, fed by membership-service's events (and by the
 * tokens of assessors who use this service): nothing here asks membership-service on a request.
 */
@Repository
public class Directory {

    private static final String PERSON = "person_id, given_name, family_name, email, organisation_id, assessor, erased";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records or updates a person's name, contact and organisation; an erased person stays erased. */
    public void savePerson(UUID id, String givenName, String familyName, String email, String organisationId,
            Instant at) {
        jdbc.sql("""
                insert into person (person_id, given_name, family_name, email, organisation_id, updated_at)
                values (:id, :given, :family, :email, :organisation, :at)
                on conflict (person_id) do update
                  set given_name = case when person.erased then null else excluded.given_name end,
                      family_name = case when person.erased then null else excluded.family_name end,
                      email = case when person.erased then null else excluded.email end,
                      organisation_id = coalesce(excluded.organisation_id, person.organisation_id),
                      updated_at = excluded.updated_at""")
                .param("id", id).param("given", givenName).param("family", familyName).param("email", email)
                .param("organisation", organisationId).param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Remembers a signed-in person as their token describes them; an assessor's role in the token makes them one
     * here too (people given the role in the identity provider directly have no appointment event).
     */
    public void rememberCaller(Caller caller, Instant at) {
        savePerson(caller.subjectId(), caller.givenName(), caller.familyName(), caller.email(),
                caller.organisationId(), at);
        if (caller.hasRole(Caller.ROLE_ASSESSOR)) {
            setAssessor(caller.subjectId(), true, at);
        }
    }

    /** Appointed as assessor, or the appointment withdrawn. */
    public void setAssessor(UUID id, boolean assessor, Instant at) {
        jdbc.sql("""
                insert into person (person_id, assessor, updated_at) values (:id, :assessor, :at)
                on conflict (person_id) do update set assessor = excluded.assessor, updated_at = excluded.updated_at""")
                .param("id", id).param("assessor", assessor).param("at", Timestamp.from(at)).update();
    }

    /** Forgets a person's name and contact; their id stays, so what was counted still counts. */
    public void erase(UUID id, Instant at) {
        jdbc.sql("""
                insert into person (person_id, erased, updated_at) values (:id, true, :at)
                on conflict (person_id) do update
                  set given_name = null, family_name = null, email = null, erased = true,
                      updated_at = excluded.updated_at""")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    public void saveOrganisation(String id, String name, Instant at) {
        jdbc.sql("""
                insert into organisation (organisation_id, name, updated_at) values (:id, :name, :at)
                on conflict (organisation_id) do update set name = excluded.name, updated_at = excluded.updated_at""")
                .param("id", id).param("name", name).param("at", Timestamp.from(at)).update();
    }

    public Optional<Person> person(UUID id) {
        return people(List.of(id)).values().stream().findFirst();
    }

    /** The people known among the given ids, by id. */
    public Map<UUID, Person> people(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + PERSON + " from person where person_id in (:ids)")
                .param("ids", ids.stream().distinct().toList())
                .query((rs, row) -> person(rs)).list().stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /** People currently appointed assessor, by name. */
    public List<Person> assessors() {
        return jdbc.sql("select " + PERSON + " from person where assessor and not erased order by family_name, given_name")
                .query((rs, row) -> person(rs)).list();
    }

    /** The name of an organisation, or its id when its name is not known yet. */
    public String organisationName(String id) {
        if (id == null) {
            return null;
        }
        return jdbc.sql("select name from organisation where organisation_id = :id").param("id", id)
                .query(String.class).optional().orElse(id);
    }

    /** The display name of a person, with a neutral label when unknown or erased. */
    public String displayName(UUID id) {
        if (id == null) {
            return null;
        }
        return person(id).map(Person::displayName).orElse("Practitioner");
    }

    private static Person person(ResultSet rs) throws SQLException {
        return new Person(rs.getObject("person_id", UUID.class), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("email"), rs.getString("organisation_id"),
                rs.getBoolean("assessor"), rs.getBoolean("erased"));
    }
}
