package org.exchange.assessment.framework;

import java.util.List;

import org.exchange.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The editions of the Professional Standards that practitioners assess themselves against. */
@Service
public class FrameworkService {

    private final Frameworks frameworks;

    FrameworkService(Frameworks frameworks) {
        this.frameworks = frameworks;
    }

    @Transactional(readOnly = true)
    public List<Edition> editions() {
        return frameworks.all();
    }

    /** The edition, or 404 when there is none with that id. */
    @Transactional(readOnly = true)
    public Edition edition(String editionId) {
        return frameworks.find(editionId).orElseThrow(() -> new NotFoundException("No edition " + editionId
                + " of the Professional Standards"));
    }

    /** The edition new baselines are made against unless the practitioner chooses another. */
    @Transactional(readOnly = true)
    public Edition current() {
        return frameworks.all().stream().filter(Edition::current).findFirst()
                .orElseThrow(() -> new IllegalStateException("No current edition of the Professional Standards"));
    }
}
