package org.exchange.exchange.network;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.exchange.NetworkCreated;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of networks and their programme cycles. */
@Service
public class NetworkService {

    private final Networks networks;
    private final IntegrationEvents events;
    private final Clock clock;

    NetworkService(Networks networks, IntegrationEvents events, Clock clock) {
        this.networks = networks;
        this.events = events;
        this.clock = clock;
    }

    /** What a programme admin states to create a network. */
    public record NewNetwork(String name, String region, GeoLocation location, String leadOrganisationId,
            String contactName, String contactEmail) {
    }

    /** A programme admin creates a regional network; {@link NetworkCreated} is published with it. */
    @Transactional
    public Network create(NewNetwork request, Caller caller) {
        requireProgrammeAdmin(caller);
        if (networks.nameTaken(request.name())) {
            throw new ConflictException("A network called '" + request.name() + "' exists already");
        }
        Network network = new Network(UUID.randomUUID(), request.name().strip(), request.region().strip(),
                request.location(), request.leadOrganisationId(), request.contactName(), request.contactEmail(),
                clock.instant());
        networks.add(network);
        events.publish(network.id(), new NetworkCreated(network.id(), network.name(), network.region(),
                network.location().placeName(), network.location().latitude(), network.location().longitude(),
                network.leadOrganisationId(), network.createdAt()));
        return network;
    }

    /** A programme admin adds a programme cycle, with its waves, to a network. */
    @Transactional
    public ProgrammeCycle addCycle(UUID networkId, ProgrammeCycle cycle, Caller caller) {
        requireProgrammeAdmin(caller);
        get(networkId);
        if (cycles(networkId).stream().anyMatch(existing -> existing.name().equalsIgnoreCase(cycle.name()))) {
            throw new ConflictException("This network has a cycle called '" + cycle.name() + "' already");
        }
        networks.addCycle(cycle);
        return cycle;
    }

    @Transactional(readOnly = true)
    public Network get(UUID id) {
        return networks.find(id).orElseThrow(() -> new NotFoundException("No network " + id));
    }

    @Transactional(readOnly = true)
    public List<Network> all(String region) {
        return networks.all(region);
    }

    @Transactional(readOnly = true)
    public List<ProgrammeCycle> cycles(UUID networkId) {
        return networks.cycles(networkId);
    }

    private static void requireProgrammeAdmin(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Only a programme admin runs networks and their programme cycles");
        }
    }
}
