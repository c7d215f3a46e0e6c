package org.exchange.exchange.outcome;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exchange.exchange.history.RecordedAfterwards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcomes library and the dissemination records. */
@Repository
class Outcomes {

    private static final String COLUMNS = """
            o.id, o.network_id, o.group_id, o.kind, o.title, o.summary, o.author_names, o.subject_area, o.licence,
            o.link_url, o.published_by, o.published_at, o.recorded_afterwards_by, o.recorded_afterwards_at""";

    /**
     * The library's filters that the query uses, and only those, so that each combination gets a plan of its own; a
     * text query is matched with PostgreSQL full-text search (English stemming).
     */
    private static String filters(OutcomeService.LibraryQuery query) {
        List<String> where = new ArrayList<>();
        where.add("true");
        if (query.text() != null) {
            where.add("o.search @@ websearch_to_tsquery('english', :query)");
        }
        if (query.area() != null) {
            where.add("lower(o.subject_area) = lower(:area)");
        }
        if (query.networkId() != null) {
            where.add("o.network_id = :network");
        }
        if (query.year() != null) {
            where.add("extract(year from o.published_at at time zone 'UTC') = :year");
        }
        return " where " + String.join(" and ", where);
    }

    private final JdbcClient jdbc;

    Outcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Outcome outcome) {
        jdbc.sql("""
                insert into outcome (id, network_id, group_id, kind, title, summary, author_names, subject_area,
                                     licence, link_url, published_by, published_at, recorded_afterwards_by,
                                     recorded_afterwards_at)
                values (:id, :network, :group, :kind, :title, :summary, :authors, :area, :licence, :link, :by, :at,
                        :afterwardsBy, :afterwardsAt)""")
                .param("id", outcome.id())
                .param("network", outcome.networkId())
                .param("group", outcome.groupId())
                .param("kind", outcome.kind().name())
                .param("title", outcome.title())
                .param("summary", outcome.summary())
                .param("authors", outcome.authorNames().toArray(String[]::new))
                .param("area", outcome.subjectArea())
                .param("licence", outcome.licence())
                .param("link", outcome.linkUrl())
                .param("by", outcome.publishedBy())
                .param("at", Timestamp.from(outcome.publishedAt()))
                .param("afterwardsBy", outcome.recordedAfterwards() == null ? null : outcome.recordedAfterwards().by())
                .param("afterwardsAt", outcome.recordedAfterwards() == null ? null
                        : Timestamp.from(outcome.recordedAfterwards().at()))
                .update();
    }

    Optional<Outcome> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from outcome o where o.id = :id").param("id", id)
                .query((rs, row) -> outcome(rs)).optional();
    }

    /**
     * Has the rest of this transaction's searches planned for their own words. Once the driver prepares a statement
     * on the server, PostgreSQL may run a generic plan, made without the words: it cannot tell a common word from a
     * rare one, and for the ranked page it chose to read and sort every match (15.7 ms for 14,285 matches against
     * 2.0 ms planned for the words; docs/adr/0031). Planning a search costs about 0.2 ms.
     */
    void planSearchesForTheirWords() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /**
     * One page of the library: for a text query the newest {@code ranked} matches best first (ts_rank, then the
     * newest), then any older matches newest first (docs/adr/0031); without text, the newest first. Only the ranked
     * candidates are ranked, so a common word costs the same as a rare one.
     */
    List<Outcome> search(OutcomeService.LibraryQuery query, int ranked) {
        int offset = query.page() * query.size();
        String sql = query.text() == null
                ? "select " + COLUMNS + " from outcome o\n" + filters(query) + "\n order by o.published_at desc, o.id"
                        + " limit :limit offset :offset"
                : """
                select %1$s from (
                  (select %1$s, o.search, 0 as part from outcome o %2$s
                    order by o.published_at desc, o.id limit :ranked)
                  union all
                  (select %1$s, null, 1 from outcome o %2$s
                    order by o.published_at desc, o.id offset :ranked limit :beyond)
                ) o
                order by o.part, ts_rank(o.search, websearch_to_tsquery('english', :query)) desc nulls last,
                         o.published_at desc, o.id
                limit :limit offset :offset""".formatted(COLUMNS, filters(query));
        return jdbc.sql(sql)
                .param("query", query.text())
                .param("area", query.area())
                .param("network", query.networkId())
                .param("year", query.year())
                .param("ranked", ranked)
                .param("beyond", Math.max(0, offset + query.size() - ranked))
                .param("limit", query.size())
                .param("offset", offset)
                .query((rs, row) -> outcome(rs)).list();
    }

    /** How many outcomes match, counting no further than {@code upTo}: the matches are not all read to count them. */
    long count(OutcomeService.LibraryQuery query, int upTo) {
        return jdbc.sql("select count(*) from (select 1 from outcome o\n" + filters(query) + "\n limit :upTo) matched")
                .param("query", query.text())
                .param("area", query.area())
                .param("network", query.networkId())
                .param("year", query.year())
                .param("upTo", upTo)
                .query(Long.class).single();
    }

    void addDissemination(Dissemination dissemination) {
        jdbc.sql("""
                insert into dissemination (id, outcome_id, practitioner_id, audience, inside_organisation,
                                           people_reached, disseminated_on, recorded_at)
                values (:id, :outcome, :person, :audience, :inside, :reached, :on, :at)""")
                .param("id", dissemination.id())
                .param("outcome", dissemination.outcomeId())
                .param("person", dissemination.practitionerId())
                .param("audience", dissemination.audience())
                .param("inside", dissemination.insideOrganisation())
                .param("reached", dissemination.peopleReached())
                .param("on", Date.valueOf(dissemination.disseminatedOn()))
                .param("at", Timestamp.from(dissemination.recordedAt()))
                .update();
    }

    /** How often each outcome was cascaded and how many people it reached, without saying who cascaded it. */
    Map<UUID, OutcomeService.Reach> reach(Collection<UUID> outcomeIds) {
        if (outcomeIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, OutcomeService.Reach> reach = new HashMap<>();
        jdbc.sql("""
                select outcome_id, count(*) as times, coalesce(sum(people_reached), 0) as people,
                       count(*) filter (where not inside_organisation) as outside
                from dissemination where outcome_id in (:outcomes) group by outcome_id""")
                .param("outcomes", outcomeIds)
                .query((rs, row) -> reach.put(rs.getObject("outcome_id", UUID.class), new OutcomeService.Reach(
                        rs.getInt("times"), rs.getInt("people"), rs.getInt("outside"))))
                .list();
        outcomeIds.forEach(id -> reach.putIfAbsent(id, OutcomeService.Reach.NONE));
        return reach;
    }

    List<Dissemination> disseminationsBy(UUID practitionerId) {
        return jdbc.sql("""
                select id, outcome_id, practitioner_id, audience, inside_organisation, people_reached,
                       disseminated_on, recorded_at
                from dissemination where practitioner_id = :person order by disseminated_on desc""")
                .param("person", practitionerId)
                .query((rs, row) -> new Dissemination(rs.getObject("id", UUID.class),
                        rs.getObject("outcome_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                        rs.getString("audience"), rs.getBoolean("inside_organisation"), rs.getInt("people_reached"),
                        rs.getDate("disseminated_on").toLocalDate(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /**
     * Replaces a person's name among the authors of the outcomes of their groups (or that they published) with
     * {@code replacement}, matching the name as entered regardless of case and surrounding spaces.
     */
    int withholdAuthor(UUID personId, String fullName, String replacement) {
        return jdbc.sql("""
                update outcome
                   set author_names = array(select case when lower(btrim(a)) = :name then :replacement else a end
                                              from unnest(author_names) with ordinality as t(a, n) order by n)
                 where exists (select 1 from unnest(author_names) a where lower(btrim(a)) = :name)
                   and (published_by = :person
                        or group_id in (select group_id from group_member where practitioner_id = :person
                                        union select group_id from group_facilitator where practitioner_id = :person))""")
                .param("name", fullName.strip().toLowerCase(Locale.ROOT))
                .param("replacement", replacement)
                .param("person", personId)
                .update();
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        String[] authors = (String[]) rs.getArray("author_names").getArray();
        return new Outcome(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                rs.getObject("group_id", UUID.class), OutcomeKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("summary"), List.of(authors), rs.getString("subject_area"),
                rs.getString("licence"), rs.getString("link_url"), rs.getObject("published_by", UUID.class),
                rs.getTimestamp("published_at").toInstant(), recordedAfterwards(rs));
    }

    private static RecordedAfterwards recordedAfterwards(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("recorded_afterwards_at");
        return at == null ? null : new RecordedAfterwards(rs.getObject("recorded_afterwards_by", UUID.class),
                at.toInstant());
    }
}
