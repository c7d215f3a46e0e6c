package org.exchange.notification.programme;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What notification-service knows of the programme, from the events the other contexts publish: outcomes, meetings
 * and events, groups forming (for drafting the newsletter); networks, their participants, organisations and
 * memberships (for choosing its audience). Never asked of the other services.
 */
@Repository
public class ProgrammeNews {

    private final JdbcClient jdbc;

    ProgrammeNews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Kinds of news. */
    public enum Kind {
        OUTCOME, GROUP_MEETING, LAUNCH_EVENT, DEVELOPMENT_DAY, DISSEMINATION_EVENT, GROUP_FORMING;

        /** A meeting kind as exchange names it, or null when it is not one. */
        public static Kind ofMeeting(String kind) {
            for (Kind k : values()) {
                if (k.name().equals(kind) && k != OUTCOME && k != GROUP_FORMING) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One piece of news.
     *
     * @param happensAt a meeting's start, an outcome's publication, a group's proposal
     */
    public record Item(UUID id, Kind kind, UUID networkId, String title, String summary, String keySpeaker,
            String place, Instant happensAt, boolean cancelled) {
    }

    /** A network, by name. */
    public record Network(UUID id, String name, String region) {
    }

    /** An organisation, by name. */
    public record Organisation(String id, String name) {
    }

    /** Adds or replaces an item. */
    public void save(Item item) {
        jdbc.sql("""
                insert into programme_news (id, kind, network_id, title, summary, key_speaker, place, happens_at,
                                            cancelled)
                values (:id, :kind, :network, :title, :summary, :speaker, :place, :at, :cancelled)
                on conflict (id) do update set kind = excluded.kind, network_id = excluded.network_id,
                    title = excluded.title, summary = excluded.summary, key_speaker = excluded.key_speaker,
                    place = excluded.place, happens_at = excluded.happens_at, cancelled = excluded.cancelled""")
                .param("id", item.id()).param("kind", item.kind().name()).param("network", item.networkId())
                .param("title", item.title()).param("summary", item.summary()).param("speaker", item.keySpeaker())
                .param("place", item.place()).param("at", Timestamp.from(item.happensAt()))
                .param("cancelled", item.cancelled())
                .update();
    }

    /** A meeting moved: its item follows. */
    public void moved(UUID meetingId, Instant startsAt, String place) {
        jdbc.sql("update programme_news set happens_at = :at, place = coalesce(:place, place) where id = :id")
                .param("at", Timestamp.from(startsAt)).param("place", place).param("id", meetingId).update();
    }

    /** A meeting was cancelled: it is no longer news. */
    public void cancelled(UUID meetingId) {
        jdbc.sql("update programme_news set cancelled = true where id = :id").param("id", meetingId).update();
    }

    /** A group that was forming is active now. */
    public void formed(UUID groupId) {
        jdbc.sql("delete from programme_news where id = :id and kind = 'GROUP_FORMING'").param("id", groupId).update();
    }

    /** Items of these kinds happening in [from, to), not cancelled, earliest first. */
    public List<Item> between(Instant from, Instant to, List<Kind> kinds) {
        return jdbc.sql("""
                select * from programme_news
                where happens_at >= :from and happens_at < :to and not cancelled and kind in (:kinds)
                order by happens_at, title""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("kinds", kinds.stream().map(Kind::name).toList())
                .query((rs, row) -> new Item(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getObject("network_id", UUID.class), rs.getString("title"), rs.getString("summary"),
                        rs.getString("key_speaker"), rs.getString("place"),
                        rs.getTimestamp("happens_at").toInstant(), rs.getBoolean("cancelled")))
                .list();
    }

    public void saveNetwork(Network network) {
        jdbc.sql("""
                insert into network (id, name, region) values (:id, :name, :region)
                on conflict (id) do update set name = excluded.name, region = excluded.region""")
                .param("id", network.id()).param("name", network.name()).param("region", network.region()).update();
    }

    public List<Network> networks() {
        return jdbc.sql("select * from network order by name")
                .query((rs, row) -> new Network(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("region")))
                .list();
    }

    public void saveOrganisation(Organisation organisation) {
        jdbc.sql("""
                insert into organisation (id, name) values (:id, :name)
                on conflict (id) do update set name = excluded.name""")
                .param("id", organisation.id()).param("name", organisation.name()).update();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("select * from organisation order by name")
                .query((rs, row) -> new Organisation(rs.getString("id"), rs.getString("name")))
                .list();
    }

    /** Someone takes part in a network (a group's member or facilitator). */
    public void participates(UUID networkId, UUID practitionerId) {
        if (networkId == null || practitionerId == null) {
            return;
        }
        jdbc.sql("""
                insert into network_participant (network_id, practitioner_id) values (:network, :person)
                on conflict do nothing""")
                .param("network", networkId).param("person", practitionerId).update();
    }

    /** A membership became active (activated or renewed) or ended (lapsed). */
    public void membership(UUID practitionerId, boolean active, LocalDate expiresOn, Instant at) {
        jdbc.sql("""
                insert into membership (practitioner_id, active, expires_on, updated_at)
                values (:person, :active, :expires, :at)
                on conflict (practitioner_id) do update set active = excluded.active,
                    expires_on = coalesce(excluded.expires_on, membership.expires_on), updated_at = excluded.updated_at
                where membership.updated_at <= excluded.updated_at""")
                .param("person", practitionerId).param("active", active).param("expires", expiresOn)
                .param("at", Timestamp.from(at)).update();
    }

    /** Which organisation a person is staff of. */
    public void worksFor(UUID practitionerId, String organisationId) {
        if (organisationId == null) {
            return;
        }
        jdbc.sql("update recipient set organisation_id = :organisation where id = :id and erased_at is null")
                .param("organisation", organisationId).param("id", practitionerId).update();
    }

    /** Forgets what a person who asked for erasure took part in. */
    public void erase(UUID practitionerId) {
        jdbc.sql("delete from network_participant where practitioner_id = :id").param("id", practitionerId).update();
        jdbc.sql("delete from membership where practitioner_id = :id").param("id", practitionerId).update();
    }
}
