package org.exchange.exchange.finder;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.network.GeoLocation;
import org.exchange.platform.problem.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding the nearest networks, groups and upcoming events from a location, for anyone, signed in or not. */
@RestController
@RequestMapping("/api/exchange/finder")
@Tag(name = "Finder")
class FinderController {

    private final Finder finder;
    private final Gazetteer gazetteer;
    private final Clock clock;

    FinderController(Finder finder, Gazetteer gazetteer, Clock clock) {
        this.finder = finder;
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    @GetMapping("/nearest")
    @Operation(summary = "Networks, joinable groups (by area) and upcoming network events nearest to a point or a UK town or city, "
            + "closest first, with distances in km (public; no personal data)")
    Nearest nearest(@RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @RequestParam(required = false) @Size(max = 100) String place,
            @RequestParam(required = false) @Size(max = 100) String region,
            @RequestParam(required = false) @Size(max = 100) String area,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        GeoLocation origin = origin(latitude, longitude, place);
        String inRegion = blankToNull(region);
        String inArea = blankToNull(area);
        return new Nearest(origin, finder.networks(origin, inRegion, limit),
                finder.groups(origin, inRegion, inArea, limit),
                finder.events(origin, inRegion, clock.instant(), limit));
    }

    @GetMapping("/places")
    @Operation(summary = "The UK towns and cities the finder knows by name (public)")
    List<Gazetteer.Place> places() {
        return gazetteer.all();
    }

    private GeoLocation origin(Double latitude, Double longitude, String place) {
        if (latitude != null && longitude != null) {
            return new GeoLocation(latitude, longitude, blankToNull(place));
        }
        if (latitude != null || longitude != null) {
            throw new InvalidRequestException("Give both latitude and longitude, or a place");
        }
        if (place == null || place.isBlank()) {
            throw new InvalidRequestException("Give a latitude and longitude, or a UK town or city");
        }
        return gazetteer.find(place).map(Gazetteer.Place::location)
                .orElseThrow(() -> new InvalidRequestException("'" + place.strip()
                        + "' is not a town or city we know; try a larger place nearby, or use latitude and longitude"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What is near: each list closest first. */
    record Nearest(GeoLocation origin, List<Finder.NearbyNetwork> networks, List<Finder.NearbyGroup> groups,
            List<Finder.NearbyEvent> events) {
    }
}
