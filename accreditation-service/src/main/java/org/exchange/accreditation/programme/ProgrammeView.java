package org.exchange.accreditation.programme;

import java.util.List;

import org.exchange.accreditation.requirement.Requirement;

/** A programme as the API shows it. */
public record ProgrammeView(String code, String title, String description, Programme.Fee fee,
        String prerequisiteCode, int requirementVersion, boolean provisional, String provisionalNote,
        List<Programme.Standard> standards, List<RequirementView> requirements) {

    /** A requirement as the API shows it. */
    public record RequirementView(String id, String kind, String label, java.math.BigDecimal target, String unit,
            String category, boolean atAssessment) {

        static RequirementView of(Requirement requirement) {
            return new RequirementView(requirement.id(), requirement.kind().name(), requirement.label(),
                    requirement.target(), requirement.unit(), requirement.category(), requirement.atAssessment());
        }
    }

    static ProgrammeView of(Programme programme) {
        return new ProgrammeView(programme.code(), programme.title(), programme.description(), programme.fee(),
                programme.prerequisiteCode(), programme.version(), programme.provisional(),
                programme.provisionalNote(), programme.standards(),
                programme.requirements().stream().map(RequirementView::of).toList());
    }
}
