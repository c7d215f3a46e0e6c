package org.exchange.accreditation.programme;

import java.util.List;

import org.exchange.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ILM award programmes on offer, and the exact version an enrolment follows. */
@Service
public class ProgrammeCatalogue {

    private final Programmes programmes;

    ProgrammeCatalogue(Programmes programmes) {
        this.programmes = programmes;
    }

    /** The newest version of each programme, the Development award first. */
    @Transactional(readOnly = true)
    public List<Programme> current() {
        return programmes.current();
    }

    /** The newest version of a programme: what a new enrolment starts on. 404 when there is none. */
    @Transactional(readOnly = true)
    public Programme current(String code) {
        return programmes.current(code).orElseThrow(() -> new NotFoundException("There is no programme " + code));
    }

    /** The version an enrolment follows. */
    @Transactional(readOnly = true)
    public Programme version(String code, int version) {
        return programmes.version(code, version)
                .orElseThrow(() -> new NotFoundException("There is no version " + version + " of " + code));
    }
}
