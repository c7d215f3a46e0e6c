package org.exchange.exchange.group;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.exchange.waitlist.WaitlistCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The groups, their facilitators and their members (with the waitlist). */
@Repository
class Groups {

    private static final String COLUMNS = """
            g.id, g.network_id, g.name, g.kind, g.area, g.challenge, g.capacity, g.planned_start, g.planned_end,
            g.status, g.proposed_by, g.proposed_at, g.activated_at, g.closed_at, g.cycle_id, g.wave_number,
            array(select f.practitioner_id from group_facilitator f where f.group_id = g.id
                  order by f.practitioner_id) as facilitators""";

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Group group) {
        jdbc.sql("""
                insert into exchange_group (id, network_id, name, kind, area, challenge, capacity, planned_start,
                                            planned_end, status, proposed_by, proposed_at, cycle_id, wave_number)
                values (:id, :network, :name, :kind, :area, :challenge, :capacity, :start, :end, :status,
                        :proposedBy, :proposedAt, :cycle, :wave)""")
                .param("id", group.id())
                .param("network", group.networkId())
                .param("name", group.name())
                .param("kind", group.kind().name())
                .param("area", group.area())
                .param("challenge", group.challenge())
                .param("capacity", group.capacity())
                .param("start", Date.valueOf(group.plannedStart()))
                .param("end", Date.valueOf(group.plannedEnd()))
                .param("status", group.status().name())
                .param("proposedBy", group.proposedBy())
                .param("proposedAt", Timestamp.from(group.proposedAt()))
                .param("cycle", group.programme() == null ? null : group.programme().cycleId())
                .param("wave", group.programme() == null ? null : group.programme().waveNumber())
                .update();
        group.facilitatorIds().forEach(facilitator -> addFacilitator(group.id(), facilitator));
    }

    void addFacilitator(UUID groupId, UUID facilitatorId) {
        jdbc.sql("""
                insert into group_facilitator (group_id, practitioner_id) values (:group, :person)
                on conflict do nothing""")
                .param("group", groupId).param("person", facilitatorId).update();
    }

    /**
     * Takes the person off the facilitators of every group not yet closed; closed groups keep who ran them.
     *
     * @return the groups they were taken off
     */
    List<UUID> removeFacilitatorFromOpenGroups(UUID facilitatorId) {
        return jdbc.sql("""
                delete from group_facilitator
                where practitioner_id = :person
                  and group_id in (select id from exchange_group where status <> 'CLOSED')
                returning group_id""")
                .param("person", facilitatorId).query(UUID.class).list();
    }

    void updateStatus(Group group) {
        jdbc.sql("""
                update exchange_group set status = :status, activated_at = :activated, closed_at = :closed
                where id = :id""")
                .param("id", group.id())
                .param("status", group.status().name())
                .param("activated", group.activatedAt() == null ? null : Timestamp.from(group.activatedAt()))
                .param("closed", group.closedAt() == null ? null : Timestamp.from(group.closedAt()))
                .update();
    }

    void updateProgramme(Group group) {
        jdbc.sql("update exchange_group set cycle_id = :cycle, wave_number = :wave where id = :id")
                .param("id", group.id())
                .param("cycle", group.programme() == null ? null : group.programme().cycleId())
                .param("wave", group.programme() == null ? null : group.programme().waveNumber())
                .update();
    }

    Optional<Group> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_group g where g.id = :id").param("id", id)
                .query((rs, row) -> group(rs)).optional();
    }

    /** The group, its row locked until the transaction ends, so that changes to it and its members queue up. */
    Optional<Group> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from exchange_group g where g.id = :id for update of g")
                .param("id", id)
                .query((rs, row) -> group(rs)).optional();
    }

    List<Group> search(UUID networkId, String area, GroupStatus status, ProgrammePlace programme, int limit) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from exchange_group g
                where (cast(:network as uuid) is null or g.network_id = :network)
                  and (cast(:area as text) is null or lower(g.area) = lower(:area))
                  and (cast(:status as text) is null or g.status = :status)
                  and (cast(:cycle as uuid) is null or g.cycle_id = :cycle)
                  and (cast(:wave as int) is null or g.wave_number = :wave)
                order by g.planned_start, g.name limit :limit""")
                .param("limit", limit)
                .param("cycle", programme == null ? null : programme.cycleId())
                .param("wave", programme == null ? null : programme.waveNumber())
                .param("network", networkId)
                .param("area", area)
                .param("status", status == null ? null : status.name())
                .query((rs, row) -> group(rs)).list();
    }

    /** Groups the person facilitates or belongs to (or waits to join). */
    List<Group> of(UUID personId) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from exchange_group g
                where g.id in (select group_id from group_member where practitioner_id = :person
                               union select group_id from group_facilitator where practitioner_id = :person)
                order by g.planned_start, g.name""")
                .param("person", personId)
                .query((rs, row) -> group(rs)).list();
    }

    Waitlist members(Group group) {
        return Waitlist.of(group.capacity(), jdbc.sql("""
                select practitioner_id, status, joined_at from group_member where group_id = :group""")
                .param("group", group.id())
                .query((rs, row) -> new Waitlist.Entry(rs.getObject("practitioner_id", UUID.class),
                        Waitlist.Place.valueOf(rs.getString("status")), rs.getTimestamp("joined_at").toInstant()))
                .list());
    }

    /** The counts of members and waitlist of each group, in one query. */
    Map<UUID, Waitlist.Counts> counts(Collection<Group> groups) {
        return WaitlistCounts.count(jdbc, "group_member", "group_id", groups.stream()
                .collect(Collectors.toMap(Group::id, Group::capacity, (first, second) -> first)));
    }

    void addMember(UUID groupId, Waitlist.Entry entry) {
        jdbc.sql("""
                insert into group_member (group_id, practitioner_id, status, joined_at)
                values (:group, :person, :status, :at)""")
                .param("group", groupId)
                .param("person", entry.personId())
                .param("status", entry.place().name())
                .param("at", Timestamp.from(entry.since()))
                .update();
    }

    void removeMember(UUID groupId, UUID personId) {
        jdbc.sql("delete from group_member where group_id = :group and practitioner_id = :person")
                .param("group", groupId).param("person", personId).update();
    }

    void confirmMember(UUID groupId, UUID personId) {
        jdbc.sql("update group_member set status = 'CONFIRMED' where group_id = :group and practitioner_id = :person")
                .param("group", groupId).param("person", personId).update();
    }

    /** Meetings planned (not cancelled) entirely inside the group's planned span. */
    int meetingsPlannedInSpan(Group group) {
        return jdbc.sql("""
                select count(*) from meeting
                where group_id = :group and status <> 'CANCELLED'
                  and (starts_at at time zone time_zone)::date >= :start
                  and (ends_at at time zone time_zone)::date <= :end""")
                .param("group", group.id())
                .param("start", Date.valueOf(group.plannedStart()))
                .param("end", Date.valueOf(group.plannedEnd()))
                .query(Integer.class).single();
    }

    /** Meetings of the group that took place: not cancelled and over by now. */
    int meetingsHeld(UUID groupId, Instant now) {
        return jdbc.sql("""
                select count(*) from meeting where group_id = :group and status <> 'CANCELLED' and ends_at <= :now""")
                .param("group", groupId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    List<UUID> outcomeIds(UUID groupId) {
        return jdbc.sql("select id from outcome where group_id = :group order by published_at")
                .param("group", groupId).query(UUID.class).list();
    }

    private static Group group(ResultSet rs) throws SQLException {
        UUID[] facilitators = (UUID[]) rs.getArray("facilitators").getArray();
        return new Group(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class), rs.getString("name"),
                GroupKind.valueOf(rs.getString("kind")), rs.getString("area"), rs.getString("challenge"),
                rs.getInt("capacity"), rs.getDate("planned_start").toLocalDate(),
                rs.getDate("planned_end").toLocalDate(), GroupStatus.valueOf(rs.getString("status")),
                List.of(facilitators), rs.getObject("proposed_by", UUID.class),
                rs.getTimestamp("proposed_at").toInstant(), instant(rs, "activated_at"), instant(rs, "closed_at"),
                programme(rs));
    }

    private static ProgrammePlace programme(ResultSet rs) throws SQLException {
        UUID cycle = rs.getObject("cycle_id", UUID.class);
        return cycle == null ? null : new ProgrammePlace(cycle, rs.getObject("wave_number", Integer.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
