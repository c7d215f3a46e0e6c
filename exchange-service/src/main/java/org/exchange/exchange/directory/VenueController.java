package org.exchange.exchange.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The venues partner organisations offer, as membership-service announced them: the choices of whoever schedules a
 * meeting, so that they pick from the same venues each organisation lists as offered.
 */
@RestController
@RequestMapping("/api/exchange/venues")
@Tag(name = "Organisations")
class VenueController {

    private final Directory directory;

    VenueController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "The venues partner organisations offer now, withdrawn ones left out (anyone signed in)")
    List<Directory.OfferedVenue> offered(Caller caller) {
        return directory.offeredVenues();
    }
}
