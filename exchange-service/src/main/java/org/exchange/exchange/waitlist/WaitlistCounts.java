package org.exchange.exchange.waitlist;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts many lists at once, for pages that show places left on many groups or meetings: one query instead of one
 * per list. The entries live in a table with one row per person and list, and a status of CONFIRMED or WAITLISTED.
 */
public final class WaitlistCounts {

    private WaitlistCounts() {
    }

    /**
     * @param table the table of entries, such as {@code group_member}; a name from code, never from a request
     * @param listColumn its column naming the list, such as {@code group_id}
     * @param capacities the capacity of each list to count
     */
    public static Map<UUID, Waitlist.Counts> count(JdbcClient jdbc, String table, String listColumn,
            Map<UUID, Integer> capacities) {
        Map<UUID, Waitlist.Counts> counts = new HashMap<>();
        if (capacities.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select %1$s as list, count(*) filter (where status = 'CONFIRMED') as confirmed,
                       count(*) filter (where status = 'WAITLISTED') as waiting
                from %2$s where %1$s in (:lists) group by %1$s""".formatted(listColumn, table))
                .param("lists", capacities.keySet())
                .query((rs, row) -> {
                    UUID id = rs.getObject("list", UUID.class);
                    return counts.put(id, Waitlist.Counts.of(capacities.get(id), rs.getInt("confirmed"),
                            rs.getInt("waiting")));
                })
                .list();
        capacities.forEach((id, capacity) -> counts.putIfAbsent(id, Waitlist.Counts.of(capacity, 0, 0)));
        return counts;
    }
}
