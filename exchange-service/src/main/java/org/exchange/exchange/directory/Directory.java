package org.exchange.exchange.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local read model of people, organisations and venues, fed by membership-service's events: this context never
 * asks membership-service on a user's request.
 */
@Repository
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records or updates a person; an erased person stays erased. */
    public void savePerson(Person person, Instant at) {
        jdbc.sql("""
                insert into practitioner_directory (practitioner_id, given_name, family_name, organisation_id, erased,
                                                    updated_at)
                values (:id, :given, :family, :organisation, false, :at)
                on conflict (practitioner_id) do update
                  set given_name = case when practitioner_directory.erased then null else excluded.given_name end,
                      family_name = case when practitioner_directory.erased then null else excluded.family_name end,
                      organisation_id = excluded.organisation_id,
                      updated_at = excluded.updated_at""")
                .param("id", person.id())
                .param("given", person.givenName())
                .param("family", person.familyName())
                .param("organisation", person.organisationId())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Records a person's profile as membership-service last published it: their names and organisation (as
     * {@link #savePerson}), and whether their name may be shown on published outcomes.
     */
    public void saveProfile(Person person, boolean nameOnOutcomes, Instant at) {
        savePerson(person, at);
        jdbc.sql("update practitioner_directory set name_on_outcomes = :consent where practitioner_id = :id")
                .param("consent", nameOnOutcomes).param("id", person.id())
                .update();
    }

    /**
     * The full names, lower-cased, of the people of each group (members and facilitators) who asked not to be named
     * on published outcomes.
     */
    public Map<UUID, Set<String>> namesWithheld(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<String>> withheld = new HashMap<>();
        jdbc.sql("""
                select p.group_id, lower(btrim(coalesce(d.given_name, '') || ' ' || coalesce(d.family_name, ''))) as name
                  from (select group_id, practitioner_id from group_member
                        union select group_id, practitioner_id from group_facilitator) p
                  join practitioner_directory d on d.practitioner_id = p.practitioner_id
                 where p.group_id in (:groups) and d.name_on_outcomes = false and d.given_name is not null""")
                .param("groups", groupIds)
                .query((rs, row) -> withheld.computeIfAbsent(rs.getObject("group_id", UUID.class),
                        group -> new HashSet<>()).add(rs.getString("name")))
                .list();
        return withheld;
    }

    /** Whether the person asked not to be named on published outcomes (unknown counts as no). */
    public boolean withholdsNameOnOutcomes(UUID personId) {
        return jdbc.sql("select coalesce(name_on_outcomes = false or erased, false) from practitioner_directory"
                + " where practitioner_id = :id").param("id", personId).query(Boolean.class).optional()
                .orElse(false);
    }

    /**
     * Pseudonymises a person: their name goes, their subject id stays so that counts (members, attendance) still add
     * up. A person not seen before is remembered as erased, so a late registration event cannot bring the name back.
     */
    public void erase(UUID personId, Instant at) {
        jdbc.sql("""
                insert into practitioner_directory (practitioner_id, erased, updated_at) values (:id, true, :at)
                on conflict (practitioner_id) do update
                  set given_name = null, family_name = null, erased = true, updated_at = excluded.updated_at""")
                .param("id", personId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Person> person(UUID id) {
        return people(List.of(id)).values().stream().findFirst();
    }

    /** The people known among the given ids, by id. */
    public Map<UUID, Person> people(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select practitioner_id, given_name, family_name, organisation_id, erased
                from practitioner_directory where practitioner_id in (:ids)""")
                .param("ids", ids)
                .query((rs, row) -> new Person(rs.getObject("practitioner_id", UUID.class), rs.getString("given_name"),
                        rs.getString("family_name"), rs.getString("organisation_id"), rs.getBoolean("erased")))
                .list().stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    /** The display name of each given person, with a neutral label for those unknown or erased. */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        Map<UUID, Person> known = people(ids);
        return ids.stream().distinct().collect(Collectors.toMap(Function.identity(), id -> known.containsKey(id)
                ? known.get(id).displayName() : new Person(id, null, null, null, false).displayName()));
    }

    public void saveOrganisation(String id, String name, String type, String region, Instant at) {
        jdbc.sql("""
                insert into organisation_directory (organisation_id, name, type, region, updated_at)
                values (:id, :name, :type, :region, :at)
                on conflict (organisation_id) do update
                  set name = excluded.name, type = excluded.type, region = excluded.region,
                      updated_at = excluded.updated_at""")
                .param("id", id).param("name", name).param("type", type).param("region", region)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A partner organisation as the exchange knows it from membership-service. */
    public record Organisation(String id, String name, String type, String region) {
    }

    /** Every partner organisation known here, by name. */
    public List<Organisation> organisations() {
        return jdbc.sql("select organisation_id, name, type, region from organisation_directory order by name")
                .query((rs, row) -> new Organisation(rs.getString("organisation_id"), rs.getString("name"),
                        rs.getString("type"), rs.getString("region")))
                .list();
    }

    /** The names of the given organisations known here, by id (those unknown are left out). */
    public Map<String, String> organisationNames(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select organisation_id, name from organisation_directory where organisation_id in (:ids)")
                .param("ids", ids)
                .query((rs, row) -> names.put(rs.getString("organisation_id"), rs.getString("name")))
                .list();
        return names;
    }

    public Optional<String> organisationName(String id) {
        return jdbc.sql("select name from organisation_directory where organisation_id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** Records a venue offer, its change or its withdrawal. */
    public void saveVenue(Venue venue, Instant at) {
        jdbc.sql("""
                insert into venue (id, organisation_id, name, address, postcode, latitude, longitude, capacity,
                                   accessibility, withdrawn, offered_at)
                values (:id, :organisation, :name, :address, :postcode, :latitude, :longitude, :capacity,
                        :accessibility, :withdrawn, :at)
                on conflict (id) do update
                  set organisation_id = excluded.organisation_id, name = excluded.name, address = excluded.address,
                      postcode = excluded.postcode, latitude = excluded.latitude, longitude = excluded.longitude,
                      capacity = excluded.capacity, accessibility = excluded.accessibility,
                      withdrawn = excluded.withdrawn, offered_at = excluded.offered_at""")
                .param("id", venue.id())
                .param("organisation", venue.organisationId())
                .param("name", venue.name())
                .param("address", venue.address())
                .param("postcode", venue.postcode())
                .param("latitude", venue.latitude())
                .param("longitude", venue.longitude())
                .param("capacity", venue.capacity())
                .param("accessibility", venue.accessibility())
                .param("withdrawn", venue.withdrawn())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The venues partner organisations offer now (withdrawn ones left out), with the organisation's name, by
     * organisation and name: what a meeting may be scheduled at.
     */
    public List<OfferedVenue> offeredVenues() {
        return jdbc.sql("""
                select v.id, v.name, v.organisation_id, o.name as organisation_name, v.address, v.postcode,
                       v.capacity, v.accessibility
                from venue v left join organisation_directory o on o.organisation_id = v.organisation_id
                where not v.withdrawn
                order by coalesce(o.name, v.organisation_id), v.name, v.id""")
                .query((rs, row) -> new OfferedVenue(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("organisation_id"), rs.getString("organisation_name"), rs.getString("address"),
                        rs.getString("postcode"), rs.getInt("capacity"), rs.getString("accessibility")))
                .list();
    }

    /** A venue on offer for meetings, and who offers it. */
    public record OfferedVenue(UUID id, String name, String organisationId, String organisationName, String address,
            String postcode, int capacity, String accessibility) {
    }

    public Optional<Venue> venue(UUID id) {
        return venues(List.of(id)).values().stream().findFirst();
    }

    /** The venues known among the given ids, by id. */
    public Map<UUID, Venue> venues(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                select id, organisation_id, name, address, postcode, latitude, longitude, capacity, accessibility,
                       withdrawn
                from venue where id in (:ids)""")
                .param("ids", ids)
                .query((rs, row) -> new Venue(rs.getObject("id", UUID.class), rs.getString("organisation_id"),
                        rs.getString("name"), rs.getString("address"), rs.getString("postcode"),
                        rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
                        rs.getInt("capacity"), rs.getString("accessibility"), rs.getBoolean("withdrawn")))
                .list().stream().collect(Collectors.toMap(Venue::id, Function.identity()));
    }
}
