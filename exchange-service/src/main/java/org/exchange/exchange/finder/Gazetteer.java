package org.exchange.exchange.finder;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.exchange.exchange.network.GeoLocation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** UK towns and cities with their coordinates, bundled with the service, so a place name can be put on the map. */
@Component
class Gazetteer {

    private static final String RESOURCE = "gazetteer/uk-places.csv";

    /** A named place. */
    record Place(String name, String region, GeoLocation location) {
    }

    private final List<Place> places;

    Gazetteer() {
        this.places = load();
    }

    /** The place of that name, ignoring case and surrounding spaces. */
    Optional<Place> find(String name) {
        String wanted = normalise(name);
        return places.stream().filter(place -> normalise(place.name()).equals(wanted)).findFirst();
    }

    /** Every place, by name. */
    List<Place> all() {
        return places;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.UK).replaceAll("\\s+", " ");
    }

    private static List<Place> load() {
        List<Place> loaded = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",");
                loaded.add(new Place(fields[0].strip(), fields[1].strip(), new GeoLocation(
                        Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), fields[0].strip())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        loaded.sort(Comparator.comparing(Place::name));
        return List.copyOf(loaded);
    }
}
