package org.exchange.accreditation.programme;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programmes and their requirements: public, so anyone can read what an award asks for. */
@RestController
@RequestMapping("/api/accreditation/programmes")
@Tag(name = "Programmes")
class ProgrammeController {

    private final ProgrammeCatalogue catalogue;

    ProgrammeController(ProgrammeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "The programmes on offer, each in its newest requirement version (public)")
    List<ProgrammeView> all() {
        return catalogue.current().stream().map(ProgrammeView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One programme in its newest requirement version (public)")
    ProgrammeView one(@PathVariable String code) {
        return ProgrammeView.of(catalogue.current(code));
    }
}
