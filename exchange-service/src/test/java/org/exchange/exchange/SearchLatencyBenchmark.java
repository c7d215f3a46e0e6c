package org.exchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Latency of the public searches with a large programme loaded: 10,000 groups (in 200 networks across the UK) and
 * 50,000 outcomes. Not part of the build (the name does not end in Test); run it on purpose with
 * {@code ./mvnw -B -o -pl exchange-service test -Dtest=SearchLatencyBenchmark} and read
 * {@code exchange-service/target/search-latency.txt}. It measures through MockMvc on the real database, so it
 * includes the service's own work (security, JSON) but not the network or the gateway. The outcomes search's queries
 * follow with their plans (EXPLAIN ANALYZE, median of 30): ranking every match against ranking the newest 1,000
 * (docs/adr/0031), the bounded count, and the page as a generic plan.
 */
class SearchLatencyBenchmark extends ExchangeIntegrationTest {

    static final int NETWORKS = 200;
    static final int GROUPS = 10_000;
    static final int OUTCOMES = 50_000;
    static final int WARM_UP = 30;
    static final int RUNS = 300;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void nearestNetworkAndOutcomesSearchLatencyWithALargeProgramme() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        load(run);

        List<String> report = new ArrayList<>();
        report.add("Search latency with %d networks, %d groups and %d outcomes loaded (%d runs after %d warm-up)"
                .formatted(count("network"), count("exchange_group"), count("outcome"), RUNS, WARM_UP));
        report.add(measure("nearest from a town (networks, groups, events)",
                get("/api/exchange/finder/nearest").param("place", "Wolverhampton"), "$.networks.length()", 10));
        report.add(measure("nearest from a point, filtered by area",
                get("/api/exchange/finder/nearest").param("latitude", "53.48").param("longitude", "-2.24")
                        .param("area", "ESOL"), "$.groups.length()", 10));
        report.add(measure("outcomes: text search",
                get("/api/exchange/outcomes").param("q", "peer assessment"), "$.items.length()", 20));
        report.add(measure("outcomes: text, area and year",
                get("/api/exchange/outcomes").param("q", "fractions").param("area", "maths")
                        .param("year", "2019"), "$.items.length()", 20));
        report.add(measure("outcomes: newest first, page 50",
                get("/api/exchange/outcomes").param("page", "50"), "$.items.length()", 20));
        report.add(plan("outcomes: first page for \"peer assessment\", every match ranked (before ADR 0031)", """
                select o.id, o.title from outcome o
                 where o.search @@ websearch_to_tsquery('english', :query)
                 order by ts_rank(o.search, websearch_to_tsquery('english', :query)) desc, o.published_at desc, o.id
                 limit 20 offset 0"""));
        report.add(plan("outcomes: first page for \"peer assessment\", the newest 1,000 matches ranked (ADR 0031)", """
                select o.id, o.title from (
                  (select o.id, o.title, o.published_at, o.search, 0 as part from outcome o
                    where o.search @@ websearch_to_tsquery('english', :query)
                    order by o.published_at desc, o.id limit 1000)
                  union all
                  (select o.id, o.title, o.published_at, null, 1 from outcome o
                    where o.search @@ websearch_to_tsquery('english', :query)
                    order by o.published_at desc, o.id offset 1000 limit 0)
                ) o
                order by o.part, ts_rank(o.search, websearch_to_tsquery('english', :query)) desc nulls last,
                         o.published_at desc, o.id
                limit 20 offset 0"""));
        report.add(plan("outcomes: the count of \"peer assessment\", up to 1,001", """
                select count(*) from (select 1 from outcome o where o.search @@ websearch_to_tsquery('english', :query)
                 limit 1001) matched"""));
        report.add("outcomes: the page query as the service runs it once prepared (a generic plan, its parameters "
                + "unknown when planned):\n  " + String.join("\n  ", genericPlan("""
                prepare page(text, int, int, int, int) as select o.id, o.title from (
                  (select o.id, o.title, o.published_at, o.search, 0 as part from outcome o
                    where o.search @@ websearch_to_tsquery('english', $1)
                    order by o.published_at desc, o.id limit $2)
                  union all
                  (select o.id, o.title, o.published_at, null, 1 from outcome o
                    where o.search @@ websearch_to_tsquery('english', $1)
                    order by o.published_at desc, o.id offset $2 limit $3)
                ) o
                order by o.part, ts_rank(o.search, websearch_to_tsquery('english', $1)) desc nulls last,
                         o.published_at desc, o.id
                limit $4 offset $5""", "execute page('peer assessment', 1000, 0, 20, 0)")));

        Path out = Path.of("target", "search-latency.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private String measure(String name, MockHttpServletRequestBuilder request, String sizePath, int expectedSize)
            throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            mvc.perform(request).andExpect(status().isOk());
        }
        long[] nanos = new long[RUNS];
        String body = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            nanos[i] = System.nanoTime() - start;
        }
        assertThat((Integer) JsonPath.read(body, sizePath)).as(name).isEqualTo(expectedSize);
        Arrays.sort(nanos);
        return "%-50s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms".formatted(name, ms(nanos[RUNS / 2]),
                ms(nanos[RUNS * 95 / 100]), ms(nanos[RUNS - 1]));
    }

    /** The query's plan with its actual times, and the median execution time over the runs. */
    private String plan(String name, String sql) {
        double[] times = new double[RUNS / 10];
        List<String> plan = List.of();
        for (int i = 0; i < times.length; i++) {
            plan = jdbc.sql("explain (analyze, buffers) " + sql).param("query", "peer assessment")
                    .query(String.class).list();
            String execution = plan.stream().filter(line -> line.startsWith("Execution Time")).findFirst()
                    .orElseThrow();
            times[i] = Double.parseDouble(execution.replaceAll("[^0-9.]", ""));
        }
        Arrays.sort(times);
        return "%s: median execution %.2f ms of %d, max %.2f ms%n  %s".formatted(name, times[times.length / 2],
                times.length, times[times.length - 1], String.join("\n  ", plan));
    }

    private List<String> genericPlan(String prepare, String execute) throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute(prepare);
            try (ResultSet rows = statement.executeQuery("explain (analyze, buffers) " + execute)) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            statement.execute("deallocate page");
            statement.execute("reset plan_cache_mode");
        }
        return plan;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Networks spread over Great Britain, groups in them, and outcomes whose words vary like real ones. */
    private void load(String run) {
        jdbc.sql("""
                insert into network (id, name, region, place_name, latitude, longitude, created_at)
                select gen_random_uuid(), 'Benchmark network ' || :run || '-' || i, 'Benchmark',
                       'Place ' || i, 50.5 + random() * 5, -4.5 + random() * 5, now()
                from generate_series(1, :networks) as i""")
                .params(Map.of("run", run, "networks", NETWORKS)).update();
        jdbc.sql("""
                with n as (select id, row_number() over (order by id) - 1 as number from network
                           where name like 'Benchmark network ' || :run || '-%')
                insert into exchange_group (id, network_id, name, kind, area, challenge, capacity, planned_start,
                                            planned_end, status, proposed_by, proposed_at)
                select gen_random_uuid(), n.id, 'Benchmark group ' || :run || '-' || i,
                       (array['SUBJECT', 'THEMATIC'])[1 + i % 2],
                       (array['maths', 'English', 'ESOL', 'digital skills', 'SEND', 'supporting staff'])[1 + i % 6],
                       'A challenge to explore', 15, date '2019-01-01', date '2019-09-01',
                       (array['FORMING', 'ACTIVE', 'REPORTING', 'CLOSED'])[1 + i % 4], gen_random_uuid(), now()
                from generate_series(1, :groups) as i join n on n.number = i % :networks""")
                .params(Map.of("run", run, "groups", GROUPS, "networks", NETWORKS)).update();
        jdbc.sql("""
                with g as (select id, network_id, area, row_number() over (order by id) - 1 as number
                           from exchange_group where name like 'Benchmark group ' || :run || '-%')
                insert into outcome (id, network_id, group_id, kind, title, summary, author_names, subject_area,
                                     licence, link_url, published_by, published_at)
                select gen_random_uuid(), g.network_id, g.id,
                       (array['REPORT', 'CASE_STUDY', 'RESOURCE', 'OTHER'])[1 + i % 4],
                       (array['Peer assessment', 'Fractions', 'Speaking confidence', 'Digital portfolios',
                              'Questioning', 'Feedback that works', 'Reading for pleasure'])[1 + i % 7]
                         || ' in ' || g.area || ' ' || i,
                       'What the group tried: ' ||
                       (array['retrieval practice', 'peer assessment', 'flipped learning', 'questioning',
                              'assessing progress', 'coaching', 'learner voice'])[1 + i % 7] || ' with learners.',
                       array['Practitioner ' || i], g.area, 'CC BY 4.0', 'https://files.test/' || i || '.pdf',
                       gen_random_uuid(), timestamp with time zone '2019-01-01' + (i % 1500) * interval '1 day'
                from generate_series(1, :outcomes) as i join g on g.number = i % :groups""")
                .params(Map.of("run", run, "outcomes", OUTCOMES, "groups", GROUPS)).update();
        jdbc.sql("analyze").update();
    }
}
