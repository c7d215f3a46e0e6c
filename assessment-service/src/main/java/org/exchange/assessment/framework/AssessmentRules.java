package org.exchange.assessment.framework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The programme's numbers for self-assessment, named once in configuration.
 *
 * @param minimumGroupSize aggregates of fewer people are withheld
 * @param minimumFocusStandards how many focus standards a submitted assessment has at least
 * @param maximumFocusStandards and at most
 */
@ConfigurationProperties("exchange.assessment")
public record AssessmentRules(int minimumGroupSize, int minimumFocusStandards, int maximumFocusStandards) {
}
