package org.exchange.assessment.framework;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Professional Standards, their editions and the rating scale: public reading. */
@RestController
@RequestMapping("/api/assessment")
@Tag(name = "Professional Standards")
class FrameworkController {

    private final FrameworkService frameworks;

    FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GetMapping("/frameworks")
    @Operation(summary = "The editions of the Professional Standards with their standards (public)")
    List<EditionView> editions() {
        return frameworks.editions().stream().map(EditionView::of).toList();
    }

    @GetMapping("/frameworks/{editionId}")
    @Operation(summary = "One edition of the Professional Standards with its standards (public)")
    EditionView edition(@PathVariable String editionId) {
        return EditionView.of(frameworks.edition(editionId));
    }

    @GetMapping("/scale")
    @Operation(summary = "The rating scale (1 to 6, with what each point means) and the career stages (public)")
    ScaleView scale() {
        return new ScaleView(RatingScale.POINTS, Arrays.stream(CareerStage.values())
                .map(stage -> new Named(stage.name(), stage.title())).toList());
    }

    /** A code with its plain name. */
    record Named(String code, String title) {
    }

    /** The scale and the career stages. */
    record ScaleView(List<RatingScale.Point> points, List<Named> careerStages) {
    }

    /** A standard as shown to anyone. */
    record StandardView(String id, int number, String area, String areaTitle, String wording, boolean complete,
            String source) {
    }

    /** An edition as shown to anyone. */
    record EditionView(String id, String name, int year, String publisher, boolean current, int dataVersion,
            String source, List<Named> areas, List<StandardView> standards) {

        static EditionView of(Edition edition) {
            return new EditionView(edition.id(), edition.name(), edition.year(), edition.publisher(),
                    edition.current(), edition.dataVersion(), edition.source(),
                    Arrays.stream(Standard.Area.values()).map(area -> new Named(area.name(), area.title())).toList(),
                    edition.standards().stream().map(standard -> new StandardView(standard.id(), standard.number(),
                            standard.area().name(), standard.area().title(), standard.wording(), standard.complete(),
                            standard.source())).toList());
        }
    }
}
