package org.exchange.exchange.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.directory.Directory;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Regional networks and their programme cycles. */
@RestController
@RequestMapping("/api/exchange/networks")
@Tag(name = "Networks")
class NetworkController {

    private final NetworkService networks;
    private final Directory directory;

    NetworkController(NetworkService networks, Directory directory) {
        this.networks = networks;
        this.directory = directory;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a regional network (programme admin)")
    NetworkView create(@Valid @RequestBody CreateNetwork body, Caller caller) {
        return view(networks.create(new NetworkService.NewNetwork(body.name(), body.region(),
                new GeoLocation(body.latitude(), body.longitude(), body.placeName()), body.leadOrganisationId(),
                body.contactName(), body.contactEmail()), caller));
    }

    @GetMapping
    @Operation(summary = "All networks, optionally in one region (public)")
    List<NetworkView> all(@RequestParam(required = false) String region) {
        List<Network> all = networks.all(region);
        Map<String, String> names = directory.organisationNames(all.stream().map(Network::leadOrganisationId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return all.stream().map(network -> NetworkView.of(network, names)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One network (public; without its contact's details)")
    NetworkView one(@PathVariable UUID id) {
        return view(networks.get(id));
    }

    @GetMapping("/{id}/contact")
    @Operation(summary = "Who to contact about a network (signed-in users)")
    ContactView contact(@PathVariable UUID id) {
        Network network = networks.get(id);
        return new ContactView(network.contactName(), network.contactEmail());
    }

    @PostMapping("/{id}/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a programme cycle with its waves (programme admin)")
    ProgrammeCycle addCycle(@PathVariable UUID id, @Valid @RequestBody CreateCycle body, Caller caller) {
        return networks.addCycle(id, new ProgrammeCycle(UUID.randomUUID(), id, body.name().strip(), body.startsOn(),
                body.endsOn(), body.waves() == null ? List.of() : body.waves().stream()
                        .map(wave -> new ProgrammeCycle.Wave(wave.number(), wave.name(), wave.startsOn(),
                                wave.endsOn()))
                        .toList()), caller);
    }

    @GetMapping("/{id}/cycles")
    @Operation(summary = "A network's programme cycles (public)")
    List<ProgrammeCycle> cycles(@PathVariable UUID id) {
        networks.get(id);
        return networks.cycles(id);
    }

    /** A new network. */
    record CreateNetwork(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String region,
            @Size(max = 100) String placeName,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 100) String leadOrganisationId,
            @Size(max = 200) String contactName,
            @Email @Size(max = 200) String contactEmail) {
    }

    /** A new programme cycle. */
    record CreateCycle(@NotBlank @Size(max = 200) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @Size(max = 20) List<@NotNull @Valid CreateWave> waves) {
    }

    /** A wave of a new cycle. */
    record CreateWave(@Positive int number, @NotBlank @Size(max = 200) String name, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {
    }

    private NetworkView view(Network network) {
        String lead = network.leadOrganisationId();
        return NetworkView.of(network, lead == null ? Map.of() : directory.organisationNames(List.of(lead)));
    }

    /**
     * A network as anyone may see it.
     *
     * @param leadOrganisationName the lead organisation's name, when the exchange knows it
     */
    record NetworkView(UUID id, String name, String region, String placeName, double latitude, double longitude,
            String leadOrganisationId, String leadOrganisationName, Instant createdAt) {

        static NetworkView of(Network network, Map<String, String> organisationNames) {
            String lead = network.leadOrganisationId();
            return new NetworkView(network.id(), network.name(), network.region(), network.location().placeName(),
                    network.location().latitude(), network.location().longitude(), lead,
                    lead == null ? null : organisationNames.get(lead), network.createdAt());
        }
    }

    /** A network's contact. */
    record ContactView(String name, String email) {
    }
}
