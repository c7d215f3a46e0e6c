package org.exchange.exchange.network;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * A funded run of a network's programme, such as "West Midlands Professional Exchange 2018-19", delivered in waves.
 */
public record ProgrammeCycle(UUID id, UUID networkId, String name, LocalDate startsOn, LocalDate endsOn,
        List<Wave> waves) {

    /** One wave of a cycle: groups recruited and run together. */
    public record Wave(int number, String name, LocalDate startsOn, LocalDate endsOn) {
    }

    public ProgrammeCycle {
        if (!endsOn.isAfter(startsOn)) {
            throw new InvalidRequestException("A programme cycle must end after it starts");
        }
        waves = List.copyOf(waves);
        for (Wave wave : waves) {
            if (!wave.endsOn().isAfter(wave.startsOn())) {
                throw new InvalidRequestException("Wave " + wave.number() + " must end after it starts");
            }
            if (wave.startsOn().isBefore(startsOn) || wave.endsOn().isAfter(endsOn)) {
                throw new InvalidRequestException("Wave " + wave.number() + " must lie inside the cycle");
            }
        }
        if (waves.stream().map(Wave::number).distinct().count() != waves.size()) {
            throw new InvalidRequestException("Each wave needs its own number");
        }
    }
}
