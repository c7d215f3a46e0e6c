package org.exchange.assessment.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local read model of who belongs where, fed by membership's and exchange's events: people's organisations,
 * groups with their status, members and facilitators, and the titles of what ratings may point at as evidence. This
 * context never asks another on a user's request.
 */
@Repository
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records or updates the organisation a person belongs to; an erased person stays erased, with none. */
    public void savePerson(UUID practitionerId, String organisationId, Instant at) {
        jdbc.sql("""
                insert into person (practitioner_id, organisation_id, updated_at) values (:id, :organisation, :at)
                on conflict (practitioner_id) do update
                  set organisation_id = case when person.erased then null else excluded.organisation_id end,
                      updated_at = excluded.updated_at""")
                .param("id", practitionerId).param("organisation", organisationId).param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Records that a person asked to be forgotten: their organisation, group memberships, the groups they facilitate
     * and the evidence they may point at go. Later events about groups and outcomes do not bring them back.
     */
    public void erase(UUID practitionerId, Instant at) {
        jdbc.sql("""
                insert into person (practitioner_id, erased, updated_at) values (:id, true, :at)
                on conflict (practitioner_id) do update
                  set organisation_id = null, erased = true, updated_at = excluded.updated_at""")
                .param("id", practitionerId).param("at", Timestamp.from(at)).update();
        jdbc.sql("delete from group_member where practitioner_id = :id").param("id", practitionerId).update();
        jdbc.sql("delete from group_facilitator where facilitator_id = :id").param("id", practitionerId).update();
        jdbc.sql("delete from evidence_owner where practitioner_id = :id").param("id", practitionerId).update();
    }

    /** Whether the person asked to be forgotten. */
    public boolean erased(UUID practitionerId) {
        return jdbc.sql("select count(*) from person where practitioner_id = :id and erased")
                .param("id", practitionerId).query(Integer.class).single() > 0;
    }

    /** The people of an organisation. */
    public List<UUID> staffOf(String organisationId) {
        return jdbc.sql("select practitioner_id from person where organisation_id = :organisation and not erased")
                .param("organisation", organisationId).query(UUID.class).list();
    }

    /** Records a group's status as exchange last announced it, keeping its name and network once known. */
    public void saveGroup(UUID groupId, UUID networkId, String name, GroupStatus status, Instant at) {
        jdbc.sql("""
                insert into exchange_group (id, network_id, name, status, updated_at)
                values (:id, :network, :name, :status, :at)
                on conflict (id) do update
                  set network_id = coalesce(excluded.network_id, exchange_group.network_id),
                      name = coalesce(excluded.name, exchange_group.name),
                      status = excluded.status, updated_at = excluded.updated_at""")
                .param("id", groupId).param("network", networkId).param("name", name).param("status", status.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Remembers a group first heard of through one of its members, until exchange says more about it. */
    public void knowGroup(UUID groupId, UUID networkId, String name, Instant at) {
        jdbc.sql("""
                insert into exchange_group (id, network_id, name, status, updated_at)
                values (:id, :network, :name, 'ACTIVE', :at)
                on conflict (id) do nothing""")
                .param("id", groupId).param("network", networkId).param("name", name).param("at", Timestamp.from(at))
                .update();
    }

    public Optional<Group> group(UUID groupId) {
        return jdbc.sql("select id, network_id, name, status from exchange_group where id = :id").param("id", groupId)
                .query((rs, row) -> new Group(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                        rs.getString("name"), GroupStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    public void addFacilitators(UUID groupId, Collection<UUID> facilitatorIds) {
        facilitatorIds.stream().filter(facilitator -> !erased(facilitator)).forEach(facilitator -> jdbc.sql("""
                insert into group_facilitator (group_id, facilitator_id) values (:group, :facilitator)
                on conflict do nothing""").param("group", groupId).param("facilitator", facilitator).update());
    }

    public boolean facilitates(UUID facilitatorId, UUID groupId) {
        return jdbc.sql("""
                select count(*) from group_facilitator where group_id = :group and facilitator_id = :facilitator""")
                .param("group", groupId).param("facilitator", facilitatorId).query(Integer.class).single() > 0;
    }

    /** The groups a facilitator runs. */
    public List<Group> facilitatedBy(UUID facilitatorId) {
        return jdbc.sql("""
                select g.id, g.network_id, g.name, g.status from exchange_group g
                join group_facilitator f on f.group_id = g.id where f.facilitator_id = :facilitator order by g.name""")
                .param("facilitator", facilitatorId)
                .query((rs, row) -> new Group(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                        rs.getString("name"), GroupStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** Adds a member, unless erased; answers whether they were not a member before. */
    public boolean addMember(UUID groupId, UUID practitionerId, Instant at) {
        return !erased(practitionerId) && jdbc.sql("""
                insert into group_member (group_id, practitioner_id, joined_at) values (:group, :person, :at)
                on conflict do nothing""")
                .param("group", groupId).param("person", practitionerId).param("at", Timestamp.from(at))
                .update() > 0;
    }

    public void removeMember(UUID groupId, UUID practitionerId) {
        jdbc.sql("delete from group_member where group_id = :group and practitioner_id = :person")
                .param("group", groupId).param("person", practitionerId).update();
    }

    /** How many groups the person belongs to. */
    public int groupCount(UUID practitionerId) {
        return jdbc.sql("select count(*) from group_member where practitioner_id = :person")
                .param("person", practitionerId).query(Integer.class).single();
    }

    public List<UUID> membersOf(UUID groupId) {
        return jdbc.sql("select practitioner_id from group_member where group_id = :group")
                .param("group", groupId).query(UUID.class).list();
    }

    /** The members of every group of a network. */
    public List<UUID> membersOfNetwork(UUID networkId) {
        return jdbc.sql("""
                select distinct m.practitioner_id from group_member m join exchange_group g on g.id = m.group_id
                where g.network_id = :network""")
                .param("network", networkId).query(UUID.class).list();
    }

    /** Remembers the title of something a rating may point at. */
    public void saveEvidenceTitle(EvidenceKind kind, UUID evidenceId, String title) {
        jdbc.sql("""
                insert into evidence_title (kind, evidence_id, title) values (:kind, :id, :title)
                on conflict (kind, evidence_id) do update set title = excluded.title""")
                .param("kind", kind.name()).param("id", evidenceId).param("title", title).update();
    }

    /** Remembers who may point at a piece of evidence: the people it belongs to, but for the erased. */
    public void saveEvidenceOwners(EvidenceKind kind, UUID evidenceId, Collection<UUID> people) {
        people.stream().distinct().filter(person -> !erased(person)).forEach(person -> jdbc.sql("""
                insert into evidence_owner (kind, evidence_id, practitioner_id) values (:kind, :id, :person)
                on conflict do nothing""")
                .param("kind", kind.name()).param("id", evidenceId).param("person", person).update());
    }

    /** The evidence a practitioner may point at, with titles, newest titles last. */
    public List<Evidence> evidenceOf(UUID practitionerId) {
        return jdbc.sql("""
                select t.kind, t.evidence_id, t.title from evidence_title t
                join evidence_owner o on o.kind = t.kind and o.evidence_id = t.evidence_id
                where o.practitioner_id = :person order by t.title""")
                .param("person", practitionerId)
                .query((rs, row) -> new Evidence(EvidenceKind.valueOf(rs.getString("kind")),
                        rs.getObject("evidence_id", UUID.class), rs.getString("title")))
                .list();
    }

    /** A piece of evidence with its title. */
    public record Evidence(EvidenceKind kind, UUID id, String title) {
    }

    /** The titles known for the given evidence ids, by id. */
    public Map<UUID, String> evidenceTitles(Collection<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select evidence_id, title from evidence_title where evidence_id in (:ids)")
                .param("ids", evidenceIds)
                .query((rs, row) -> Map.entry(rs.getObject("evidence_id", UUID.class), rs.getString("title")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** A group as this context knows it. */
    public record Group(UUID id, UUID networkId, String name, GroupStatus status) {
    }

    /** A group's status, as far as this context needs it. */
    public enum GroupStatus {
        PROPOSED,
        ACTIVE,
        REPORTING,
        CLOSED
    }
}
