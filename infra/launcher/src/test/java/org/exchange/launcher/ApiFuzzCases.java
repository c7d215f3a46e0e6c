package org.exchange.launcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The fuzz cases for every operation of a service's OpenAPI document: malformed JSON, wrong types, huge and empty
 * strings, boundary numbers, unknown enum values, missing required fields, bad and unknown path ids, foreign ids,
 * wrong content types, as the fuzzing user (who holds every role, so requests reach validation), anonymously and
 * with a garbage token.
 *
 * <p>The platform is shared by every end-to-end test of the JVM, so no case may change data others rely on: every
 * request that changes something is invalid by construction. A mutation that might leave a body valid (a huge
 * string, a boundary number, a foreign id) goes out only with an unknown id in the path or with another required
 * field left out; a foreign id in the path of a change goes out only anonymously or with a broken body; an action
 * without body or path id (a renewal run) is the fuzzing user's only where it acts on their own data ({@code /me}).
 */
final class ApiFuzzCases {

    /** Who sends a case. */
    enum Sender { FUZZER, ANONYMOUS, GARBAGE_TOKEN }

    /**
     * One request to send: the path may be no valid URI at all ({@code %zz}). A 400 answer to it must name
     * {@code mustName} (a missing required number, an unknown enum value), and list the allowed values where asked.
     */
    record Case(String service, String operation, String kind, Sender sender, String method, String path,
            String contentType, String accept, String body, String mustName, boolean mustListAllowedValues) {

        Case(String service, String operation, String kind, Sender sender, String method, String path,
                String contentType, String accept, String body) {
            this(service, operation, kind, sender, method, path, contentType, accept, body, null, false);
        }
    }

    /** A JSON number written exactly as given, beyond what Java's numbers hold ({@code 1e999999}). */
    record RawNumber(String text) {
    }

    /** Never sent as the fuzzing user: it would end the fuzzing user's own account half way through the run. */
    private static final Set<String> NEVER_AS_FUZZER = Set.of("POST /api/membership/me/erasure");

    static final List<String> BAD_PATH_IDS = List.of("%zz", "..%2f", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "1.5", "-1",
            "0", "2147483648", "9223372036854775808", "NaN", "null", "undefined", "%00", "%20", "%E2%80%AE",
            "x;jsessionid=1", "'%20OR%201=1--", "00000000-0000-0000-0000-000000000000",
            "3F2B6C1E8D2A4F4E9A7B1C2D3E4F5A6B", "a".repeat(2000), "9".repeat(5000));

    private static final List<String> MALFORMED_BODIES = List.of("", "{", "}", "[]", "null", "\"text\"", "42",
            "{\"a\":}", "{'single':'quotes'}", "{\"unterminated\":\"", "\u0000\u0001\u0002", "<xml/>",
            "{\"n\":1e999999}", "[".repeat(3000), "{\"a\":".repeat(3000), "{\"a\":1,}");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "application/json;charset=no-such-charset",
            "garbage", "");

    private static final List<String> ODD_ACCEPTS = List.of("application/xml", "image/png", "garbage/");

    /** Random multi-field bodies per operation with a JSON body. */
    private static final int COMBINATIONS = 25;
    /** Random path segments per path parameter. */
    private static final int RANDOM_PATH_IDS = 8;

    private final Random random;
    private final List<String> foreignIds;

    ApiFuzzCases(Random random, List<String> foreignIds) {
        this.random = random;
        this.foreignIds = foreignIds;
    }

    /** Every case for every operation of the document. */
    List<Case> casesFor(String service, OpenAPI document) {
        List<Case> cases = new ArrayList<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                new Target(service, method.name(), path, operation).cases(cases::add)));
        return cases;
    }

    /** The GET operations without path parameters: their answers as the fuzzing user show which ids exist. */
    static List<String> listPaths(OpenAPI document) {
        List<String> paths = new ArrayList<>();
        document.getPaths().forEach((path, item) -> {
            if (item.getGet() != null && !path.contains("{")) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** One operation and how to build its requests. */
    private final class Target {

        private final String service;
        private final String method;
        private final String template;
        private final String name;
        private final List<Parameter> pathParameters = new ArrayList<>();
        private final List<Parameter> queryParameters = new ArrayList<>();
        private final Schema<?> body;
        /** The body's object: the body itself, or the items of a body that is a list of objects. */
        private final Schema<?> object;
        private final boolean listBody;
        private final String bodyType;
        private final boolean bodyRequired;

        Target(String service, String method, String template, Operation operation) {
            this.service = service;
            this.method = method;
            this.template = template;
            this.name = method + " " + template;
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    if ("path".equals(parameter.getIn())) {
                        pathParameters.add(parameter);
                    } else if ("query".equals(parameter.getIn())) {
                        queryParameters.add(parameter);
                    }
                }
            }
            Schema<?> schema = null;
            String type = null;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                Map<String, MediaType> content = operation.getRequestBody().getContent();
                type = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
                schema = content.get(type).getSchema();
            }
            this.body = schema;
            this.listBody = schema != null && "array".equals(type(schema)) && schema.getItems() != null;
            this.object = listBody ? schema.getItems() : schema;
            this.bodyType = type;
            this.bodyRequired = operation.getRequestBody() != null
                    && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        }

        private boolean reads() {
            return method.equals("GET");
        }

        private boolean json() {
            return bodyType != null && bodyType.contains("json");
        }

        void cases(Consumer<Case> out) {
            String unknown = path(Map.of());
            Map<String, Object> sample = object != null && json() && sample(object, 0) instanceof Map<?, ?> map
                    ? copy(map) : null;
            String sampleJson = body == null ? null : json() ? Json.write(sample(body, 0)) : "";
            boolean safeBaseline = reads() || !pathParameters.isEmpty();

            // who may send it: nobody, a garbage token, and the fuzzing user where a valid request changes nothing
            out.accept(new Case(service, name, "anonymous", Sender.ANONYMOUS, method, unknown, bodyType, null,
                    sampleJson));
            out.accept(new Case(service, name, "garbage token", Sender.GARBAGE_TOKEN, method, unknown, bodyType, null,
                    sampleJson));
            if (safeBaseline && fuzzerMay(unknown)) {
                fuzzer(out, "baseline, unknown ids", unknown, bodyType, sampleJson);
            }
            for (String accept : ODD_ACCEPTS) {
                if (safeBaseline && fuzzerMay(unknown)) {
                    out.accept(new Case(service, name, "accept " + accept, Sender.FUZZER, method, unknown, bodyType,
                            accept, sampleJson));
                }
            }
            out.accept(new Case(service, name, "method not allowed", Sender.FUZZER,
                    method.equals("PATCH") ? "DELETE" : "PATCH", unknown, bodyType, null, sampleJson));
            out.accept(new Case(service, name, "method TRACE", Sender.FUZZER, "TRACE", unknown, null, null, null));

            pathCases(out, sampleJson);
            queryCases(out, unknown, sampleJson);
            if (body != null) {
                bodyCases(out, unknown, sample, sampleJson);
            }
        }

        private void pathCases(Consumer<Case> out, String sampleJson) {
            for (Parameter parameter : pathParameters) {
                for (String bad : BAD_PATH_IDS) {
                    String path = path(Map.of(parameter.getName(), bad));
                    fuzzer(out, "path " + parameter.getName() + " " + abbreviate(bad), path, bodyType, sampleJson);
                }
                for (int i = 0; i < RANDOM_PATH_IDS; i++) {
                    String junk = randomPathSegment();
                    fuzzer(out, "path " + parameter.getName() + " random " + abbreviate(junk),
                            path(Map.of(parameter.getName(), junk)), bodyType, sampleJson);
                }
                for (int i = 0; i < Math.min(3, foreignIds.size()); i++) {
                    String path = path(Map.of(parameter.getName(), foreignIds.get(random.nextInt(foreignIds.size()))));
                    if (reads()) {
                        fuzzer(out, "path " + parameter.getName() + " foreign id", path, bodyType, sampleJson);
                    } else {
                        // a change to someone else's data: only refused ones
                        out.accept(new Case(service, name, "foreign id anonymously", Sender.ANONYMOUS, method, path,
                                bodyType, null, sampleJson));
                        if (body != null && json()) {
                            fuzzer(out, "foreign id, malformed body", path, "application/json", "{\"broken\":");
                        }
                    }
                }
            }
        }

        private void queryCases(Consumer<Case> out, String unknown, String sampleJson) {
            if (!reads() && pathParameters.isEmpty()) {
                return;
            }
            for (Parameter parameter : queryParameters) {
                for (Object value : wrongValues(parameter.getSchema())) {
                    String text = value instanceof RawNumber raw ? raw.text() : String.valueOf(value);
                    String query = parameter.getName() + "=" + java.net.URLEncoder.encode(text,
                            java.nio.charset.StandardCharsets.UTF_8);
                    boolean unknownEnum = parameter.getSchema() != null && parameter.getSchema().getEnum() != null
                            && "NOT_A_VALUE".equals(text);
                    fuzzer(out, "query " + parameter.getName() + " " + abbreviate(text),
                            unknown + (unknown.contains("?") ? "&" : "?") + query, bodyType, sampleJson,
                            unknownEnum ? parameter.getName() : null, unknownEnum);
                }
            }
        }

        private void bodyCases(Consumer<Case> out, String unknown, Map<String, Object> sample, String sampleJson) {
            // broken as a whole, or sent as something else: refused before anything runs
            for (String malformed : MALFORMED_BODIES) {
                fuzzer(out, "malformed body " + abbreviate(malformed), unknown, "application/json", malformed);
            }
            // a reader lenient about the type might take the body: then it must still be refused
            String refused = sampleJson;
            if (!reads() && pathParameters.isEmpty()) {
                List<String> required = required(object);
                Map<String, Object> incomplete = sample == null || required.isEmpty() ? null : copy(sample);
                if (incomplete != null) {
                    incomplete.remove(required.getFirst());
                }
                refused = incomplete == null ? null : write(incomplete);
            }
            for (String type : WRONG_CONTENT_TYPES) {
                if (!type.equals(bodyType) && refused != null) {
                    fuzzer(out, "content type " + (type.isEmpty() ? "none" : type), unknown,
                            type.isEmpty() ? null : type, refused);
                }
            }
            if (!json()) {
                fuzzer(out, "multipart without parts", unknown, "multipart/form-data; boundary=fuzz", "--fuzz--\r\n");
                return;
            }
            if (sample == null) {
                return;
            }
            List<String> required = required(object);
            if (!required.isEmpty()) {
                fuzzer(out, "empty object", unknown, "application/json", write(Map.of()));
            }
            if (listBody && (reads() || !pathParameters.isEmpty())) {
                for (String items : List.of("[null]", "[\"x\"]", "[1]", "[[]]", "[" + Json.write(sample) + ",null]")) {
                    fuzzer(out, "list body " + items, unknown, "application/json", items);
                }
            }
            List<List<Object>> fieldPaths = new ArrayList<>();
            List<Schema<?>> fieldSchemas = new ArrayList<>();
            // field by field, at every depth
            fields(object, List.of(), (fieldPath, schema, isRequired) -> {
                fieldPaths.add(fieldPath);
                fieldSchemas.add(schema);
                String field = String.join(".", fieldPath.stream().map(String::valueOf).toList());
                String last = String.valueOf(fieldPath.getLast());
                boolean number = "integer".equals(type(schema)) || "number".equals(type(schema));
                if (isRequired) {
                    sendMutated(out, unknown, sample, fieldPath, "missing " + field, Mutation.REMOVE, true,
                            number ? last : null, false);
                    sendMutated(out, unknown, sample, fieldPath, "null " + field, null, true);
                } else {
                    sendMutated(out, unknown, sample, fieldPath, "null " + field, null, false);
                }
                for (Object wrong : wrongTypes(schema)) {
                    sendMutated(out, unknown, sample, fieldPath, "wrong type " + field + " " + abbreviate(
                            Json.write(wrong)), wrong, true);
                }
                for (Object value : wrongValues(schema)) {
                    boolean invalid = schema.getEnum() != null && value instanceof String text && !text.isEmpty();
                    boolean unknownEnum = schema.getEnum() != null && "NOT_A_VALUE".equals(value);
                    sendMutated(out, unknown, sample, fieldPath, "value " + field + " " + abbreviate(
                            value instanceof RawNumber raw ? raw.text() : String.valueOf(value)), value, invalid,
                            unknownEnum ? last : null, unknownEnum);
                }
            });
            combinations(out, unknown, sample, fieldPaths, fieldSchemas);
        }

        /**
         * Random bodies from the seed: two or three fields changed at once, the first to a wrong type (so the body is
         * refused whatever the others hold), the others to a wrong type or an odd value.
         */
        private void combinations(Consumer<Case> out, String unknown, Map<String, Object> sample,
                List<List<Object>> fieldPaths, List<Schema<?>> fieldSchemas) {
            List<Integer> typed = new ArrayList<>();
            for (int i = 0; i < fieldSchemas.size(); i++) {
                if (!wrongTypes(fieldSchemas.get(i)).isEmpty()) {
                    typed.add(i);
                }
            }
            for (int n = 0; n < COMBINATIONS && !typed.isEmpty(); n++) {
                Map<String, Object> mutated = copy(sample);
                int first = typed.get(random.nextInt(typed.size()));
                List<Object> wrong = wrongTypes(fieldSchemas.get(first));
                StringBuilder kind = new StringBuilder("combination ").append(fieldPaths.get(first).getLast());
                int others = 1 + random.nextInt(2);
                for (int k = 0; k < others; k++) {
                    int field = random.nextInt(fieldPaths.size());
                    List<Object> values = new ArrayList<>(wrongTypes(fieldSchemas.get(field)));
                    values.addAll(wrongValues(fieldSchemas.get(field)));
                    if (field != first && !values.isEmpty()) {
                        set(mutated, fieldPaths.get(field), values.get(random.nextInt(values.size())));
                        kind.append('+').append(fieldPaths.get(field).getLast());
                    }
                }
                // set last, and only where it still is: the wrong type is what makes the body refused
                if (set(mutated, fieldPaths.get(first), wrong.get(random.nextInt(wrong.size())))) {
                    fuzzer(out, kind.toString(), unknown, "application/json", write(mutated));
                }
            }
        }

        /** The body's JSON: the object, or a list holding it. */
        private String write(Map<String, Object> value) {
            return listBody ? "[" + Json.write(value) + "]" : Json.write(value);
        }

        /**
         * Sends the sample with one field changed; a change that may leave the body valid goes with an unknown id in
         * the path, or with another required field left out, or not at all where neither exists.
         */
        private void sendMutated(Consumer<Case> out, String unknown, Map<String, Object> sample, List<Object> at,
                String kind, Object value, boolean invalid) {
            sendMutated(out, unknown, sample, at, kind, value, invalid, null, false);
        }

        private void sendMutated(Consumer<Case> out, String unknown, Map<String, Object> sample, List<Object> at,
                String kind, Object value, boolean invalid, String mustName, boolean mustListAllowedValues) {
            Map<String, Object> mutated = copy(sample);
            if (!set(mutated, at, value)) {
                return;
            }
            if (!invalid && !reads() && pathParameters.isEmpty()) {
                String other = required(object).stream().filter(field -> !field.equals(at.getFirst())).findFirst()
                        .orElse(null);
                if (other == null) {
                    return;
                }
                mutated.remove(other);
                kind = kind + " without " + other;
            }
            fuzzer(out, kind, unknown, "application/json", write(mutated), mustName, mustListAllowedValues);
        }

        private void fuzzer(Consumer<Case> out, String kind, String path, String contentType, String json) {
            fuzzer(out, kind, path, contentType, json, null, false);
        }

        private void fuzzer(Consumer<Case> out, String kind, String path, String contentType, String json,
                String mustName, boolean mustListAllowedValues) {
            if (fuzzerMay(path)) {
                out.accept(new Case(service, name, kind, Sender.FUZZER, method, path, contentType, null, json,
                        mustName, mustListAllowedValues));
            }
        }

        /** Whether the fuzzing user may send requests to this operation at all (see the class comment). */
        private boolean fuzzerMay(String path) {
            if (NEVER_AS_FUZZER.contains(name)) {
                return false;
            }
            if (reads() || !pathParameters.isEmpty() || body != null) {
                return true;
            }
            return List.of(path.split("[/?]")).contains("me");
        }

        /** The path with the given raw values for some parameters and a fresh unknown value for the others. */
        private String path(Map<String, String> values) {
            String path = template;
            for (Parameter parameter : pathParameters) {
                String value = values.containsKey(parameter.getName()) ? values.get(parameter.getName())
                        : unknownValue(parameter.getSchema());
                path = path.replace("{" + parameter.getName() + "}", value);
            }
            StringBuilder query = new StringBuilder();
            for (Parameter parameter : queryParameters) {
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    Object value = sample(parameter.getSchema(), 0);
                    query.append(query.isEmpty() ? "?" : "&").append(parameter.getName()).append('=')
                            .append(java.net.URLEncoder.encode(String.valueOf(value),
                                    java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return path + query;
        }

        private String unknownValue(Schema<?> schema) {
            if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                return String.valueOf(schema.getEnum().getFirst());
            }
            String type = schema == null ? "string" : type(schema);
            if ("integer".equals(type) || "number".equals(type)) {
                return String.valueOf(900_000_000 + random.nextInt(99_999_999));
            }
            if (schema != null && "uuid".equals(schema.getFormat())) {
                return new UUID(random.nextLong(), random.nextLong()).toString();
            }
            return "fuzz-unknown-" + Integer.toHexString(random.nextInt());
        }
    }

    /** A path segment of random bytes, percent-encoded where they are not plain (invalid UTF-8 included). */
    private String randomPathSegment() {
        StringBuilder segment = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int b = random.nextInt(256);
            if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_') {
                segment.append((char) b);
            } else {
                segment.append('%').append(String.format("%02X", b));
            }
        }
        return segment.toString();
    }

    private interface FieldVisitor {
        void visit(List<Object> path, Schema<?> schema, boolean required);
    }

    /** Marks a field to be left out of the body. */
    private enum Mutation { REMOVE }

    /** Every field of an object schema, nested objects and the first item of arrays included. */
    private static void fields(Schema<?> schema, List<Object> at, FieldVisitor visitor) {
        if (schema.getProperties() == null || at.size() > 4) {
            return;
        }
        List<String> required = required(schema);
        schema.getProperties().forEach((field, property) -> {
            List<Object> path = new ArrayList<>(at);
            path.add(field);
            visitor.visit(path, property, required.contains(field));
            String type = type(property);
            if ("object".equals(type)) {
                fields(property, path, visitor);
            } else if ("array".equals(type) && property.getItems() != null
                    && "object".equals(type(property.getItems()))) {
                List<Object> item = new ArrayList<>(path);
                item.add(0);
                fields(property.getItems(), item, visitor);
            }
        });
    }

    private static List<String> required(Schema<?> schema) {
        return schema.getRequired() == null ? List.of() : schema.getRequired();
    }

    /** The schema's type in OpenAPI 3.0 ({@code type}) or 3.1 ({@code types}, without {@code null}). */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(type -> !"null".equals(type)).findFirst().orElse(null);
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return type(schema.getAllOf().getFirst());
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return type(schema.getOneOf().getFirst());
        }
        return null;
    }

    /** A value the schema accepts, as far as a schema says (patterns aside). */
    Object sample(Schema<?> schema, int depth) {
        if (schema == null) {
            return "fuzz";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().getFirst();
        }
        if (schema.getExample() != null && !(schema.getExample() instanceof Map) && depth > 0) {
            return schema.getExample();
        }
        String type = type(schema);
        String format = schema.getFormat();
        if (type == null) {
            return schema.getProperties() == null ? "fuzz" : object(schema, depth);
        }
        return switch (type) {
            case "string" -> string(schema, format);
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE).toBigInteger()
                    : 1;
            case "number" -> schema.getMinimum() != null ? schema.getMinimum().max(BigDecimal.ONE) : 1.5;
            case "boolean" -> true;
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int count = schema.getMinItems() == null ? 1 : Math.max(1, schema.getMinItems());
                for (int i = 0; i < count && depth < 5; i++) {
                    items.add(sample(schema.getItems(), depth + 1));
                }
                yield items;
            }
            case "object" -> object(schema, depth);
            default -> "fuzz";
        };
    }

    private Map<String, Object> object(Schema<?> schema, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema.getProperties() != null && depth < 5) {
            schema.getProperties().forEach((field, property) -> object.put(field, sample(property, depth + 1)));
        }
        return object;
    }

    private String string(Schema<?> schema, String format) {
        if (format != null) {
            switch (format) {
                case "uuid" -> {
                    return new UUID(random.nextLong(), random.nextLong()).toString();
                }
                case "date" -> {
                    return LocalDate.now().plusDays(30).toString();
                }
                case "date-time" -> {
                    return LocalDate.now().plusDays(30).atTime(10, 0) + "Z";
                }
                case "email" -> {
                    return "fuzz@fuzz.exchange.test";
                }
                case "uri", "url" -> {
                    return "https://fuzz.exchange.test/x";
                }
                default -> {
                    // a format of its own: a plain string below
                }
            }
        }
        int length = Math.max(4, schema.getMinLength() == null ? 0 : schema.getMinLength());
        if (schema.getMaxLength() != null) {
            length = Math.min(length, schema.getMaxLength());
        }
        return "fuzz".repeat(length / 4 + 1).substring(0, length);
    }

    /** Values of the wrong JSON type for a field of this schema: refused by any reader. */
    private static List<Object> wrongTypes(Schema<?> schema) {
        String type = type(schema);
        if (type == null) {
            return List.of();
        }
        return switch (type) {
            case "string" -> List.of(Map.of("an", "object"), List.of("a", "list"));
            case "integer", "number" -> List.of("twelve", Map.of(), List.of(1));
            case "boolean" -> List.of("maybe", Map.of(), List.of(true, false));
            case "array" -> List.of("not a list", Map.of("an", "object"));
            case "object" -> List.of("not an object", List.of(1, 2), 7);
            default -> List.of();
        };
    }

    /** Odd values of the right JSON type: huge, empty, boundary, unknown, in a wrong format. */
    private List<Object> wrongValues(Schema<?> schema) {
        if (schema == null) {
            return List.of();
        }
        if (schema.getEnum() != null) {
            String first = String.valueOf(schema.getEnum().getFirst());
            return List.of("NOT_A_VALUE", first.toLowerCase(Locale.ROOT) + "x", "", " " + first);
        }
        String type = type(schema);
        if (type == null) {
            return List.of();
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (type) {
            case "string" -> {
                List<Object> values = new ArrayList<>(List.of("", "   ", "x".repeat(20_000 + random.nextInt(5_000)),
                        "ŻółćΩ😀\u202e\u0000", "' OR 1=1 --", "<script>alert(1)</script>", "%zz", "\\u0000"));
                switch (format) {
                    case "uuid" -> values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000",
                            "3f2b6c1e-8d2a-4f4e-9a7b-1c2d3e4f5a6bx"));
                    case "date" -> values.addAll(List.of("2026-02-30", "0000-01-01", "+999999999-12-31", "-1",
                            "2026-1-1"));
                    case "date-time" -> values.addAll(List.of("2026-13-01T25:61:00Z", "0000-01-01T00:00:00Z",
                            "+999999999-12-31T23:59:59Z", "yesterday"));
                    case "email" -> values.addAll(List.of("no-at-sign", "a@", "@b"));
                    case "uri", "url" -> values.addAll(List.of("http://[::1", "javascript:alert(1)", "//no-scheme"));
                    default -> values.addAll(List.of("2026-02-30", "http://[::1"));
                }
                yield values;
            }
            case "integer", "number" -> List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                    new RawNumber("9223372036854775808"), new RawNumber("1e308"), new RawNumber("-1e308"),
                    new RawNumber("1e999999"), new RawNumber("1e-400"), 1.5, "NaN", "Infinity", "-0", "1e3");
            case "array" -> List.of(List.of(), java.util.Collections.nCopies(1_000, "fuzz"),
                    java.util.Collections.singletonList(null));
            case "boolean" -> List.of("true", 0, "yes");
            default -> List.of();
        };
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 24 ? printable : printable.substring(0, 20) + "…(" + text.length() + ")";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put((String) key, deepCopy(value)));
        return copy;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    /**
     * Sets (or, for {@link Mutation#REMOVE}, removes) the value at a path of keys and indexes; false where the path
     * no longer leads to an object (a field above it was changed).
     */
    @SuppressWarnings("unchecked")
    private static boolean set(Map<String, Object> body, List<Object> path, Object value) {
        Object node = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            if (step instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else if (step instanceof String key && node instanceof Map<?, ?> map) {
                node = map.get(key);
            } else {
                return false;
            }
        }
        if (!(node instanceof Map<?, ?> map)) {
            return false;
        }
        if (value == Mutation.REMOVE) {
            ((Map<String, Object>) map).remove(path.getLast());
        } else {
            ((Map<String, Object>) map).put((String) path.getLast(), value);
        }
        return true;
    }

    /** JSON text of maps, lists, strings, numbers, booleans and nulls, raw numbers exactly as given. */
    static final class Json {

        private Json() {
        }

        static String write(Object value) {
            StringBuilder json = new StringBuilder();
            write(value, json);
            return json.toString();
        }

        private static void write(Object value, StringBuilder json) {
            switch (value) {
                case null -> json.append("null");
                case RawNumber raw -> json.append(raw.text());
                case Number number -> json.append(number);
                case Boolean bool -> json.append(bool);
                case Map<?, ?> map -> {
                    json.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (!first) {
                            json.append(',');
                        }
                        first = false;
                        string(String.valueOf(entry.getKey()), json);
                        json.append(':');
                        write(entry.getValue(), json);
                    }
                    json.append('}');
                }
                case List<?> list -> {
                    json.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        if (i > 0) {
                            json.append(',');
                        }
                        write(list.get(i), json);
                    }
                    json.append(']');
                }
                default -> string(String.valueOf(value), json);
            }
        }

        private static void string(String text, StringBuilder json) {
            json.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }
    }
}
