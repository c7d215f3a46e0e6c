package org.exchange.exchange.finder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.exchange.exchange.network.GeoLocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Distance-ordered reads over networks, groups and upcoming network events. A group is where its network is; an event
 * is at its venue, or where its network is when it is online or the venue has no coordinates. Group meetings are left
 * out: they are for the group's members, who find them on the group. Nothing personal is read.
 */
@Repository
class Finder {

    /** Haversine distance in km from (:lat, :lon) to (lat, lon) columns given as %1$s and %2$s. */
    private static final String DISTANCE = """
            (2 * 6371.0088 * asin(sqrt(power(sin(radians(%1$s - :lat) / 2), 2)
              + cos(radians(:lat)) * cos(radians(%1$s)) * power(sin(radians(%2$s - :lon) / 2), 2))))""";

    private final JdbcClient jdbc;

    Finder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A network and how far it is. */
    record NearbyNetwork(UUID id, String name, String region, String placeName, double latitude, double longitude,
            double distanceKm) {
    }

    /** A group open to members and how far it is. */
    record NearbyGroup(UUID id, String name, String kind, String area, String status, UUID networkId,
            String networkName, String placeName, double distanceKm) {
    }

    /** An upcoming network event (open to anyone to register) and how far it is. */
    record NearbyEvent(UUID id, String title, String kind, UUID networkId, UUID groupId, OffsetDateTime startsAt,
            String timeZone, String venueName, boolean online, double latitude, double longitude,
            double distanceKm) {
    }

    List<NearbyNetwork> networks(GeoLocation from, String region, int limit) {
        String distance = DISTANCE.formatted("n.latitude", "n.longitude");
        return jdbc.sql("select n.id, n.name, n.region, n.place_name, n.latitude, n.longitude, " + distance
                + "\n" + """
                 as distance from network n
                where (cast(:region as text) is null or lower(n.region) = lower(:region))
                order by distance, n.name limit :limit""")
                .param("lat", from.latitude()).param("lon", from.longitude())
                .param("region", region).param("limit", limit)
                .query((rs, row) -> new NearbyNetwork(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("region"), rs.getString("place_name"), rs.getDouble("latitude"),
                        rs.getDouble("longitude"), round(rs.getDouble("distance"))))
                .list();
    }

    List<NearbyGroup> groups(GeoLocation from, String region, String area, int limit) {
        String distance = DISTANCE.formatted("n.latitude", "n.longitude");
        // networks nearest first, then each network's joinable groups in name order (exchange_group_joinable_idx):
        // the planner reads the groups of the nearest networks only, not every joinable group with its distance
        return jdbc.sql("select g.id, g.name, g.kind, g.area, g.status, n.id as network_id, n.name as network_name, "
                + "n.place_name, n.distance\nfrom (select n.id, n.name, n.place_name, " + distance + "\n" + """
                 as distance from network n
                      where cast(:region as text) is null or lower(n.region) = lower(:region)
                      order by distance) n
                join exchange_group g on g.network_id = n.id
                where g.status in ('FORMING', 'ACTIVE')
                  and (cast(:area as text) is null or lower(g.area) = lower(:area))
                order by n.distance, g.name limit :limit""")
                .param("lat", from.latitude()).param("lon", from.longitude())
                .param("region", region).param("area", area).param("limit", limit)
                .query((rs, row) -> new NearbyGroup(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("kind"), rs.getString("area"), rs.getString("status"),
                        rs.getObject("network_id", UUID.class), rs.getString("network_name"),
                        rs.getString("place_name"), round(rs.getDouble("distance"))))
                .list();
    }

    List<NearbyEvent> events(GeoLocation from, String region, Instant now, int limit) {
        String distance = DISTANCE.formatted("coalesce(v.latitude, n.latitude)", "coalesce(v.longitude, n.longitude)");
        return jdbc.sql("""
                select m.id, m.title, m.kind, m.network_id, m.group_id, m.starts_at, m.time_zone, v.name as venue_name,
                       m.venue_id is null as online, coalesce(v.latitude, n.latitude) as latitude,
                       coalesce(v.longitude, n.longitude) as longitude, """ + distance + "\n" + """
                 as distance
                from meeting m join network n on n.id = m.network_id
                     left join venue v on v.id = m.venue_id
                where m.group_id is null and m.status = 'SCHEDULED' and m.starts_at > :now
                  and (cast(:region as text) is null or lower(n.region) = lower(:region))
                order by distance, m.starts_at limit :limit""")
                .param("lat", from.latitude()).param("lon", from.longitude())
                .param("region", region).param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    return new NearbyEvent(rs.getObject("id", UUID.class), rs.getString("title"),
                            rs.getString("kind"), rs.getObject("network_id", UUID.class),
                            rs.getObject("group_id", UUID.class),
                            OffsetDateTime.ofInstant(rs.getTimestamp("starts_at").toInstant(), zone), zone.getId(),
                            rs.getString("venue_name"), rs.getBoolean("online"), rs.getDouble("latitude"),
                            rs.getDouble("longitude"), round(rs.getDouble("distance")));
                })
                .list();
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
