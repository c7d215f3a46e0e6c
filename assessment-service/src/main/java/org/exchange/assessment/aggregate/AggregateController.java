package org.exchange.assessment.aggregate;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.assessment.directory.Directory;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Anonymised aggregates of self-assessments per group, organisation and network, as JSON or CSV. */
@RestController
@RequestMapping("/api/assessment/aggregates")
@Tag(name = "Aggregates")
class AggregateController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AggregateService aggregates;

    AggregateController(AggregateService aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping("/my-groups")
    @Operation(summary = "The groups the caller facilitates, whose aggregates they may see")
    List<GroupRef> myGroups(Caller caller) {
        return aggregates.groupsFor(caller).stream()
                .map(group -> new GroupRef(group.id(), group.name(), group.status().name())).toList();
    }

    @GetMapping("/groups/{groupId}")
    @Operation(summary = "A group's aggregate (its facilitators, programme admins); withheld below five people")
    AggregateView group(@PathVariable UUID groupId, @RequestParam(required = false) String editionId,
            Caller caller) {
        return AggregateView.of("group " + groupId, aggregates.forGroup(groupId, editionId, caller));
    }

    @GetMapping("/groups/{groupId}/aggregate.csv")
    @Operation(summary = "A group's aggregate as CSV")
    ResponseEntity<String> groupCsv(@PathVariable UUID groupId, @RequestParam(required = false) String editionId,
            Caller caller) {
        return csv("group-" + groupId, aggregates.forGroup(groupId, editionId, caller));
    }

    @GetMapping("/organisations/{organisationId}")
    @Operation(summary = "An organisation's staff's aggregate (its org-admins, programme admins); withheld below "
            + "five people")
    AggregateView organisation(@PathVariable String organisationId,
            @RequestParam(required = false) String editionId, Caller caller) {
        return AggregateView.of("organisation " + organisationId,
                aggregates.forOrganisation(organisationId, editionId, caller));
    }

    @GetMapping("/organisations/{organisationId}/aggregate.csv")
    @Operation(summary = "An organisation's staff's aggregate as CSV")
    ResponseEntity<String> organisationCsv(@PathVariable String organisationId,
            @RequestParam(required = false) String editionId, Caller caller) {
        return csv("organisation-" + organisationId, aggregates.forOrganisation(organisationId, editionId, caller));
    }

    @GetMapping("/networks/{networkId}")
    @Operation(summary = "A network's aggregate over its groups' members (programme admins); withheld below five "
            + "people")
    AggregateView network(@PathVariable UUID networkId, @RequestParam(required = false) String editionId,
            Caller caller) {
        return AggregateView.of("network " + networkId, aggregates.forNetwork(networkId, editionId, caller));
    }

    @GetMapping("/networks/{networkId}/aggregate.csv")
    @Operation(summary = "A network's aggregate as CSV")
    ResponseEntity<String> networkCsv(@PathVariable UUID networkId, @RequestParam(required = false) String editionId,
            Caller caller) {
        return csv("network-" + networkId, aggregates.forNetwork(networkId, editionId, caller));
    }

    private static ResponseEntity<String> csv(String scope, Aggregate aggregate) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + scope + ".csv\"")
                .body(AggregateCsv.write(scope, aggregate));
    }

    /** A group the caller facilitates. */
    record GroupRef(UUID id, String name, String status) {
    }

    /** One standard's figures. */
    record StandardView(String standardId, int number, String area, String wording, List<Integer> distribution,
            Double averageChangeSinceBaseline) {
    }

    /** An aggregate; without figures when withheld, with the reason. */
    record AggregateView(String scope, String editionId, String editionName, int editionYear, int people,
            int reviewed, boolean withheld, boolean changeWithheld, String reason, List<StandardView> standards) {

        static AggregateView of(String scope, Aggregate aggregate) {
            return new AggregateView(scope, aggregate.edition().id(), aggregate.edition().name(),
                    aggregate.edition().year(), aggregate.people(), aggregate.reviewed(), aggregate.withheld(),
                    aggregate.changeWithheld(), aggregate.reason(), aggregate.standards().stream()
                    .map(figures -> new StandardView(figures.standard().id(), figures.standard().number(),
                            figures.standard().area().name(), figures.standard().wording(), figures.distribution(),
                            figures.averageChangeSinceBaseline())).toList());
        }
    }
}
