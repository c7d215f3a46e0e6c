package org.exchange.exchange.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner organisations the exchange knows, so that people choose them by name rather than by id, and the venues
 * they offer, so that whoever schedules a meeting picks from the venues each organisation lists as offered.
 */
@RestController
@Tag(name = "Organisations")
class OrganisationController {

    private final Directory directory;

    OrganisationController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/exchange/organisations")
    @Operation(summary = "The partner organisations, by name (anyone signed in)")
    List<Directory.Organisation> all(Caller caller) {
        return directory.organisations();
    }

    @GetMapping("/api/exchange/venues")
    @Operation(summary = "The venues partner organisations offer now, withdrawn ones left out (anyone signed in)")
    List<Directory.OfferedVenue> venues(Caller caller) {
        return directory.offeredVenues();
    }
}
