package org.exchange.exchange.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner organisations the exchange knows, so that people choose them by name rather than by id. */
@RestController
@RequestMapping("/api/exchange/organisations")
@Tag(name = "Organisations")
class OrganisationController {

    private final Directory directory;

    OrganisationController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "The partner organisations, by name (anyone signed in)")
    List<Directory.Organisation> all(Caller caller) {
        return directory.organisations();
    }
}
