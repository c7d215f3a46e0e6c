package org.exchange.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people and data the authorization matrix acts with, all of its own: for each role a person of organisation A
 * (the one who owns the fixtures: "own") and one of organisation B ("other"), created in Keycloak and signed in with
 * the password grant of the {@code exchange-cli} client, one token each, reused; two organisations, a network, a group
 * with a meeting, a membership, a CPD activity, an enrolment and the rest, created through the services' APIs.
 * Nothing it does touches the demo users or data the other tests of the shared platform use.
 */
final class MatrixWorld {

    static final List<String> ROLES = List.of("anonymous", "practitioner", "facilitator", "assessor", "org-admin",
            "programme-admin");
    static final String DEVELOPMENT_AWARD = "ILM-DEVELOPMENT-PLLE";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    private final Platform platform;
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final Map<String, Map.Entry<String, Instant>> tokens = new ConcurrentHashMap<>();
    /** Fixture ids by name: {@code organisation}, {@code group}, {@code enrolment}, a person's subject id ... */
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    private MatrixWorld(Platform platform) {
        this.platform = platform;
    }

    /** A person the matrix signs in as: their role and whether they are of the fixtures' organisation and owner. */
    record Actor(String role, boolean own) {

        String username(String suffix) {
            return "matrix-" + role + (own ? "-a-" : "-b-") + suffix;
        }

        @Override
        public String toString() {
            return role.equals("anonymous") ? "anonymous" : role + (own ? "" : " (other organisation and person)");
        }
    }

    static MatrixWorld create(Platform platform) {
        MatrixWorld world = new MatrixWorld(platform);
        world.setUp();
        return world;
    }

    // ---------------------------------------------------------------------------------------------- the services

    /** The services whose routes the matrix covers, by short name: membership, exchange, ... */
    Map<String, JsonNode> documents() {
        return documents;
    }

    String serviceUrl(String service) {
        return "http://127.0.0.1:" + platform.settings().servicePorts().get(service + "-service");
    }

    /** The answer of a service to a call as an actor (anonymous: no token). */
    HttpResponse<String> call(String service, String method, String pathAndQuery, Actor actor, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json, */*");
        if (!actor.role().equals("anonymous")) {
            request.header("Authorization", "Bearer " + token(actor));
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request);
    }

    /** An upload (a multipart form with a small text file as its {@code file} part) as an actor. */
    HttpResponse<String> multipart(String service, String pathAndQuery, Actor actor) {
        String boundary = "matrix-" + suffix;
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nWhat I observed.\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (!actor.role().equals("anonymous")) {
            request.header("Authorization", "Bearer " + token(actor));
        }
        return send(request);
    }

    /** A fixture created through the API: the body from the operation's schema with these values; fails unless 2xx. */
    JsonNode create(String service, String method, String path, Actor actor, Map<String, Object> values) {
        JsonNode operation = documents.get(service).path("paths").path(path).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            JsonNode again = JSON.readTree(send(HttpRequest.newBuilder(URI.create(serviceUrl(service)
                    + "/v3/api-docs"))).body());
            throw new IllegalStateException(service + "'s OpenAPI document has no operation " + method + " " + path
                    + " (it has " + operations(documents.get(service)) + " operations, at that path "
                    + documents.get(service).path("paths").path(path).propertyNames() + "; read again: "
                    + operations(again) + " operations, at that path " + again.path("paths").path(path).propertyNames()
                    + ")");
        }
        String concrete = concrete(service, path, Map.of());
        JsonNode body = operation.has("requestBody") ? bodies(service, values).forOperation(operation) : null;
        HttpResponse<String> response = call(service, method, concrete, actor, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Could not set up the matrix's data: " + method + " " + concrete + " as "
                    + actor + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? NODES.nullNode() : JSON.readTree(response.body());
    }

    private static int operations(JsonNode document) {
        int count = 0;
        for (JsonNode path : document.path("paths")) {
            count += path.size();
        }
        return count;
    }

    /** The path with the fixture ids in place of its parameters: by name, or as {@code overrides} say. */
    String concrete(String service, String path, Map<String, String> overrides) {
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder result = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String fixture = overrides.getOrDefault(name, fixtureFor(service, path, name));
            parameter.appendReplacement(result, java.util.regex.Matcher.quoteReplacement(
                    URLEncoder.encode(id(fixture), UTF_8)));
        }
        return parameter.appendTail(result).toString();
    }

    /** Which fixture a path parameter names, by the parameter's name and where it stands. */
    static String fixtureFor(String service, String path, String parameter) {
        return switch (service + ":" + parameter) {
            case "membership:organisationId", "exchange:organisationId", "assessment:organisationId" -> "organisation";
            case "membership:mouId" -> "mou";
            case "membership:venueId" -> "venue";
            case "membership:membershipId" -> "membership";
            case "membership:invoiceId" -> path.contains("award-invoices") ? "unknown" : "invoice";
            case "membership:activityId" -> "cpdActivity";
            case "membership:alias" -> "alias";
            case "membership:practitionerId" -> path.contains("appointments") ? "otherPractitioner" : "practitioner";
            case "membership:role" -> "appointmentRole";
            case "exchange:groupId", "assessment:groupId" -> "group";
            case "exchange:trialId" -> "trial";
            case "exchange:spaceId" -> "space";
            case "exchange:threadId" -> "thread";
            case "exchange:postId" -> "post";
            case "exchange:attachmentId" -> "attachment";
            case "exchange:enquiryId" -> "enquiry";
            case "exchange:practitionerId" -> "practitioner";
            case "exchange:file" -> path.contains("/feeds/") ? "feedFile"
                    : path.contains("/meetings/") ? "meetingFile" : "groupFile";
            case "exchange:id" -> path.startsWith("/api/exchange/networks") ? "network"
                    : path.startsWith("/api/exchange/groups") ? "group"
                    : path.startsWith("/api/exchange/meetings") ? "meeting" : "outcome";
            case "assessment:networkId" -> "network";
            case "assessment:editionId" -> "edition";
            case "assessment:id" -> "assessment";
            case "notification:id" -> path.contains("/feed/") ? "notification" : "unknown";
            case "accreditation:id" -> "enrolment";
            case "accreditation:code" -> "programme";
            default -> "unknown";
        };
    }

    /** Bodies for a service's operations, with fixture ids for the properties that name them and these values. */
    RequestBodies bodies(String service, Map<String, Object> values) {
        return new RequestBodies(documents.get(service), name -> {
            if (values.containsKey(name)) {
                return JSON.valueToTree(resolve(values.get(name)));
            }
            return known(name);
        });
    }

    /** Puts fixture ids in for {@code ${name}} placeholders in a value from the data file. */
    Object resolve(Object value) {
        if (value instanceof String text && text.startsWith("${") && text.endsWith("}")) {
            return id(text.substring(2, text.length() - 1));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, nested) -> resolved.put(String.valueOf(key), resolve(nested)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolve).toList();
        }
        return value;
    }

    /** A fixture id by name; fails for a name the matrix has no fixture for. */
    String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("The matrix has no fixture called " + name + "; it has " + ids.keySet());
        }
        return id;
    }

    /** Values for properties whose schema alone does not make a valid, well-aimed body. */
    private JsonNode known(String name) {
        LocalDateTime meetingStart = LocalDate.now().plusDays(9).atTime(16, 0);
        Object value = switch (name) {
            case "id" -> newOrganisationId();
            case "networkId" -> ids.get("network");
            case "groupId" -> ids.get("group");
            case "meetingId" -> ids.get("meeting");
            case "organisationId" -> ids.get("organisation");
            case "practitionerId", "candidateId" -> ids.get("practitioner");
            case "facilitatorIds" -> List.of();
            case "programmeCode" -> DEVELOPMENT_AWARD;
            case "timeZone" -> "Europe/London";
            case "onlineUrl" -> "https://meet.example.org/matrix";
            case "linkUrl", "evidenceLink", "url" -> "https://example.org/matrix";
            case "startsAt" -> meetingStart.toString();
            case "endsAt" -> meetingStart.plusMinutes(90).toString();
            case "plannedStart", "startsOn" -> LocalDate.now().plusDays(1).toString();
            case "plannedEnd", "endsOn" -> LocalDate.now().plusDays(200).toString();
            case "capacity" -> 10;
            // Lerwick: far from the demo networks, so that no other test's nearest network is one of the matrix's
            case "latitude" -> 60.15;
            case "longitude" -> -1.15;
            case "hours" -> 1;
            case "minutes" -> 60;
            case "currency" -> "GBP";
            case "postcode" -> "B1 1AA";
            default -> null;
        };
        return value == null ? null : JSON.valueToTree(value);
    }

    // ---------------------------------------------------------------------------------------------- set-up

    private void setUp() {
        for (String service : PlatformSettings.SERVICES) {
            String name = PlatformSettings.databaseOf(service);
            HttpResponse<String> document = send(HttpRequest.newBuilder(URI.create(serviceUrl(name) + "/v3/api-docs")));
            if (document.statusCode() != 200) {
                throw new IllegalStateException(service + " has no OpenAPI document: " + document.statusCode());
            }
            documents.put(name, JSON.readTree(document.body()));
            System.out.println("[matrix] " + service + ": " + operations(documents.get(name)) + " operations");
        }
        ids.put("organisation", "org-matrix-a-" + suffix);
        ids.put("otherOrganisation", "org-matrix-b-" + suffix);
        ROLES.stream().filter(role -> !role.equals("anonymous")).forEach(role -> {
            createUser(new Actor(role, true), ids.get("organisation"));
            createUser(new Actor(role, false), ids.get("otherOrganisation"));
        });
        Actor admin = actor("programme-admin");
        Actor practitioner = actor("practitioner");
        Actor facilitator = actor("facilitator");
        for (String organisation : List.of("organisation", "otherOrganisation")) {
            create("membership", "POST", "/api/membership/organisations", admin, Map.of("id", ids.get(organisation),
                    "name", "Matrix College " + organisation + " " + suffix, "type", "COLLEGE"));
        }
        ROLES.stream().filter(role -> !role.equals("anonymous")).forEach(role -> {
            for (boolean own : List.of(true, false)) {
                String subject = create("membership", "GET", "/api/membership/me", new Actor(role, own), Map.of())
                        .get("id").asString();
                ids.put((own ? "" : "other-") + role, subject);
            }
        });
        ids.put("otherPractitioner", ids.get("other-practitioner"));

        // membership: the organisation's memorandum and venue, the practitioner's membership, invoice and CPD
        ids.put("mou", create("membership", "POST", "/api/membership/organisations/{organisationId}/mous", admin,
                Map.of()).get("id").asString());
        ids.put("venue", create("membership", "POST", "/api/membership/organisations/{organisationId}/venues", admin,
                Map.of("name", "Matrix room")).get("id").asString());
        ids.put("membership", create("membership", "POST", "/api/membership/me/membership/application",
                practitioner, Map.of("evidence", "Years of facilitating")).get("id").asString());
        JsonNode approved = create("membership", "POST", "/api/membership/admin/memberships/{membershipId}/eligibility",
                admin, Map.of("approved", true, "reason", "Evidenced"));
        ids.put("invoice", approved.path("invoice").path("id").asString(UUID.randomUUID().toString()));
        ids.put("cpdActivity", create("membership", "POST", "/api/membership/me/cpd", practitioner, Map.of())
                .get("id").asString());

        // exchange: a network, a group the facilitator proposed and the practitioner joined, a meeting they registered
        // for, a trial of the practitioner's, a discussion thread of theirs, their calendar feed
        ids.put("network", create("exchange", "POST", "/api/exchange/networks", admin,
                Map.of("name", "Matrix network " + suffix)).get("id").asString());
        ids.put("group", create("exchange", "POST", "/api/exchange/groups", facilitator,
                Map.of("name", "Matrix group " + suffix)).get("id").asString());
        create("exchange", "POST", "/api/exchange/groups/{id}/open", admin, Map.of());
        create("exchange", "POST", "/api/exchange/groups/{id}/members", practitioner, Map.of());
        ids.put("meeting", create("exchange", "POST", "/api/exchange/meetings", facilitator,
                Map.of("kind", "GROUP_MEETING", "title", "Matrix meeting")).get("id").asString());
        create("exchange", "POST", "/api/exchange/meetings/{id}/registrations", practitioner, Map.of());
        // three more meetings in the group's span, so that it becomes active and records research and outcomes
        for (int week = 2; week <= 4; week++) {
            LocalDateTime startsAt = LocalDate.now().plusWeeks(week).plusDays(2).atTime(16, 0);
            create("exchange", "POST", "/api/exchange/meetings", facilitator, Map.of("kind", "GROUP_MEETING",
                    "title", "Matrix meeting " + week, "startsAt", startsAt.toString(),
                    "endsAt", startsAt.plusMinutes(90).toString()));
        }
        create("exchange", "POST", "/api/exchange/groups/{id}/activate", facilitator, Map.of());
        ids.put("trial", create("exchange", "POST", "/api/exchange/groups/{groupId}/research/trials", practitioner,
                Map.of()).get("id").asString());
        // the group's discussion space, and a thread the practitioner started there with its opening post and a file
        ids.put("space", create("exchange", "GET", "/api/exchange/groups/{groupId}/discussion", practitioner,
                Map.of()).get("id").asString());
        HttpResponse<String> upload = multipart("exchange", "/api/exchange/discussions/" + id("space")
                + "/attachments", practitioner);
        if (upload.statusCode() != 201) {
            throw new IllegalStateException("Uploading the matrix's discussion file answered " + upload.statusCode()
                    + ": " + upload.body());
        }
        ids.put("attachment", JSON.readTree(upload.body()).get("id").asString());
        JsonNode thread = create("exchange", "POST", "/api/exchange/discussions/{spaceId}/threads", practitioner,
                Map.of("title", "Matrix thread", "text", "Matrix post", "links", List.of(),
                        "attachments", List.of(id("attachment"))));
        ids.put("thread", thread.get("id").asString());
        ids.put("post", thread.path("posts").get(0).get("id").asString());
        // an enquiry the practitioner sent to the network
        ids.put("enquiry", create("exchange", "POST", "/api/exchange/enquiries", practitioner,
                Map.of("subject", "Matrix enquiry", "message", "Matrix question")).get("id").asString());
        String feed = create("exchange", "POST", "/api/exchange/calendar/feed-token", practitioner, Map.of())
                .get("token").asString();
        ids.put("feedFile", feed + ".ics");
        ids.put("groupFile", ids.get("group") + ".ics");
        ids.put("meetingFile", ids.get("meeting") + ".ics");
        ids.put("outcome", create("exchange", "POST", "/api/exchange/outcomes", facilitator,
                Map.of("title", "Matrix outcome " + suffix)).get("id").asString());

        // assessment: the current edition of the standards, and the practitioner's baseline against it
        JsonNode edition = null;
        for (JsonNode candidate : create("assessment", "GET", "/api/assessment/frameworks", practitioner, Map.of())) {
            edition = edition == null || candidate.path("current").asBoolean() ? candidate : edition;
        }
        ids.put("edition", edition.get("id").asString());
        List<Map<String, Object>> ratings = new java.util.ArrayList<>();
        edition.get("standards").forEach(standard -> ratings.add(Map.of("standardId", standard.get("id").asString(),
                "score", 3)));
        create("assessment", "PUT", "/api/assessment/me/draft", practitioner, Map.of("kind", "BASELINE",
                "editionId", ids.get("edition"), "ratings", ratings,
                "focusStandards", List.of(ratings.get(0).get("standardId"))));
        ids.put("assessment", create("assessment", "POST", "/api/assessment/me/draft/submit", practitioner, Map.of())
                .get("id").asString());

        // accreditation: the practitioner's enrolment in the Development Award with an hours entry
        ids.put("enrolment", create("accreditation", "POST", "/api/accreditation/enrolments", practitioner,
                Map.of()).get("id").asString());
        // notification: one of the practitioner's notifications (the welcome, from membership's event)
        ids.put("notification", org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> create("notification", "GET",
                        "/api/notifications/feed", practitioner, Map.of()).path("items"), items -> !items.isEmpty())
                .get(0).get("id").asString());
        ids.put("programme", DEVELOPMENT_AWARD);
        ids.put("alias", "partner-college");
        ids.put("appointmentRole", "FACILITATOR");
        // ids nobody owns: the answer to an allowed caller is 404, to a refused one 401 or 403
        ids.put("unknown", UUID.randomUUID().toString());
    }

    /** The person of organisation A with that role. */
    static Actor actor(String role) {
        return new Actor(role, true);
    }

    /** The person of the other organisation with the role: one the matrix never erases. */
    static Actor otherActor(String role) {
        return new Actor(role, false);
    }

    private void createUser(Actor actor, String organisation) {
        String admin = adminToken();
        String realm = platform.settings().keycloakUrl() + "/admin/realms/" + PlatformSettings.REALM;
        String username = actor.username(suffix);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", username, "email", username + "@demo.exchange.test", "emailVerified", true,
                        "firstName", "Matrix", "lastName", actor.role(), "enabled", true,
                        "attributes", Map.of("organisation", List.of(organisation)),
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        StringBuilder roles = new StringBuilder("[");
        for (String role : actor.role().equals("practitioner") ? List.of("practitioner")
                : List.of("practitioner", actor.role())) {
            HttpResponse<String> representation = send(HttpRequest.newBuilder(URI.create(realm + "/roles/" + role))
                    .header("Authorization", "Bearer " + admin));
            roles.append(roles.length() > 1 ? "," : "").append(representation.body());
        }
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(
                URI.create(realm + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(roles.append("]").toString())));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("Could not grant roles to " + username + ": " + mapped.body());
        }
    }

    private String adminToken() {
        return tokens.compute("keycloak-admin", (key, cached) -> fresh(cached) ? cached : Map.entry(
                passwordGrant(platform.settings().keycloakUrl() + "/realms/master", "admin-cli", "admin", "admin"),
                Instant.now())).getKey();
    }

    /** The actor's access token from the realm's {@code exchange-cli} client, reused while fresh. */
    String token(Actor actor) {
        return tokens.compute(actor.username(suffix), (user, cached) -> fresh(cached) ? cached
                : Map.entry(passwordGrant(platform.settings().issuer(), "exchange-cli", user, "demo"), Instant.now()))
                .getKey();
    }

    /**
     * A token the realm issues to another of its clients ({@code admin-cli}) for a practitioner of the matrix (of the
     * other organisation: the matrix's erasure deletes the account of its own practitioner).
     */
    String tokenOfAnotherClient() {
        return passwordGrant(platform.settings().issuer(), "admin-cli", otherActor("practitioner").username(suffix),
                "demo");
    }

    private static boolean fresh(Map.Entry<String, Instant> cached) {
        return cached != null && cached.getValue().plus(TOKEN_REUSE).isAfter(Instant.now());
    }

    private static String passwordGrant(String issuer, String client, String username, String password) {
        return MembershipApi.token(issuer, client, username, password);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return MembershipApi.send(request);
    }

    /** A value for the {@code id} of a new organisation: unique per call. */
    String newOrganisationId() {
        return "org-matrix-n" + counter.incrementAndGet() + "-" + suffix;
    }

    ObjectNode emptyObject() {
        return NODES.objectNode();
    }
}
