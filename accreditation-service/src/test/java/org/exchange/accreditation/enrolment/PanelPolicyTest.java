package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.Stream;

import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The panel rule, row by row: one assessor from the academy, one from the candidate's organisation. */
class PanelPolicyTest {

    static final PanelPolicy POLICY = new PanelPolicy("org-academy");
    static final UUID CANDIDATE = UUID.randomUUID();
    static final String COLLEGE = "org-westmid-college";

    static Stream<Arguments> panels() {
        PanelPolicy.Member ada = member("org-academy");
        PanelPolicy.Member amos = member("org-academy");
        PanelPolicy.Member owen = member(COLLEGE);
        PanelPolicy.Member olga = member(COLLEGE);
        PanelPolicy.Member pat = member("org-partner-college");
        PanelPolicy.Member candidate = new PanelPolicy.Member(CANDIDATE, "Cara", COLLEGE);
        return Stream.of(
                Arguments.argumentSet("one from the academy, one from the candidate's college", ada, owen, COLLEGE,
                        null),
                Arguments.argumentSet("two assessors from the academy", ada, amos, COLLEGE, "one organisation"),
                Arguments.argumentSet("two assessors from the candidate's college", owen, olga, COLLEGE,
                        "one organisation"),
                Arguments.argumentSet("the same assessor twice", ada, ada, COLLEGE, "two different assessors"),
                Arguments.argumentSet("the academy's place taken by the college", owen, ada, COLLEGE,
                        "not from the academy"),
                Arguments.argumentSet("a second assessor from another organisation", ada, pat, COLLEGE,
                        "not from the candidate's organisation"),
                Arguments.argumentSet("a candidate whose organisation is unknown", ada, owen, null,
                        "not from the candidate's organisation"),
                Arguments.argumentSet("the candidate on their own panel", ada, candidate, COLLEGE,
                        "cannot assess themselves"));
    }

    @ParameterizedTest
    @MethodSource("panels")
    void aPanelIsOneAcademyAssessorAndOneFromTheCandidatesOrganisation(PanelPolicy.Member academy,
            PanelPolicy.Member own, String candidateOrganisation, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> POLICY.check(CANDIDATE, candidateOrganisation, academy, own))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> POLICY.check(CANDIDATE, candidateOrganisation, academy, own))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining(refusal);
        }
    }

    private static PanelPolicy.Member member(String organisation) {
        return new PanelPolicy.Member(UUID.randomUUID(), "Assessor", organisation);
    }
}
