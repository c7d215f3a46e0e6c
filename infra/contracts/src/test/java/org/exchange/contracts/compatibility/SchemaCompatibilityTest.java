package org.exchange.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.exchange.contracts.compatibility.SchemaCompatibility.Breaking;
import org.exchange.contracts.compatibility.SchemaCompatibility.Rule;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Each rule of the schema compatibility check, on small pairs of a released and a current schema. */
class SchemaCompatibilityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String RELEASED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:exchange:schemas:exchange:MeetingScheduled:v1",
              "title": "exchange.MeetingScheduled.v1",
              "type": "object",
              "required": ["meetingId", "capacity"],
              "properties": {
                "meetingId": { "type": "string", "format": "uuid" },
                "capacity": { "type": "integer", "minimum": 1, "maximum": 500 },
                "venueName": { "type": ["string", "null"], "description": "Null for an online meeting." },
                "kind": { "type": "string", "enum": ["GROUP_MEETING", "LAUNCH_EVENT"] },
                "memberIds": { "type": "array", "items": { "type": "string", "format": "uuid" } }
              },
              "additionalProperties": true
            }""";

    @Test
    void theSameSchemaIsCompatible() {
        assertThat(breaks(RELEASED, RELEASED)).isEmpty();
    }

    @Test
    void descriptionsTitlesAndKeywordOrderMayChange() {
        String current = """
                {
                  "additionalProperties": true,
                  "title": "exchange.MeetingScheduled.v1",
                  "description": "A meeting was scheduled.",
                  "$id": "urn:exchange:schemas:exchange:MeetingScheduled:v1",
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "type": ["object"],
                  "required": ["capacity", "meetingId"],
                  "properties": {
                    "memberIds": { "items": { "format": "uuid", "type": "string" }, "type": "array" },
                    "kind": { "enum": ["LAUNCH_EVENT", "GROUP_MEETING"], "type": "string", "description": "What kind." },
                    "venueName": { "type": ["null", "string"] },
                    "capacity": { "type": "integer", "minimum": 1.0, "maximum": 500 },
                    "meetingId": { "type": "string", "format": "uuid", "$comment": "the record key" }
                  }
                }""";

        assertThat(breaks(RELEASED, current)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        String current = RELEASED.replace("\"venueName\":",
                "\"keySpeaker\": { \"type\": [\"string\", \"null\"] }, \"venueName\":");

        assertThat(breaks(RELEASED, current)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyToANestedObjectThatAllowsMoreIsCompatible() {
        String released = withNested("{ \"type\": \"object\", \"properties\": { \"standardId\": { \"type\": \"string\" } } }");
        String current = withNested("{ \"type\": \"object\", \"properties\": { \"standardId\": { \"type\": \"string\" },"
                + " \"previous\": { \"type\": [\"integer\", \"null\"] } } }");

        assertThat(breaks(released, current)).isEmpty();
    }

    @Test
    void removingAPropertyBreaks() {
        String current = RELEASED.replace("\"venueName\": { \"type\": [\"string\", \"null\"], \"description\": \"Null for an online meeting.\" },", "");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/properties/venueName", Rule.PROPERTY_REMOVED, "venueName"));
    }

    @Test
    void renamingAPropertyBreaksAsItsRemoval() {
        String current = RELEASED.replace("\"venueName\":", "\"venue\":");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.PROPERTY_REMOVED);
    }

    @Test
    void makingAPropertyRequiredBreaks() {
        String current = RELEASED.replace("\"required\": [\"meetingId\", \"capacity\"]",
                "\"required\": [\"meetingId\", \"capacity\", \"venueName\"]");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/required", Rule.PROPERTY_NEWLY_REQUIRED, "venueName"));
    }

    @Test
    void addingARequiredPropertyBreaks() {
        String current = RELEASED.replace("\"required\": [\"meetingId\", \"capacity\"]",
                "\"required\": [\"meetingId\", \"capacity\", \"timeZone\"]")
                .replace("\"venueName\":", "\"timeZone\": { \"type\": \"string\" }, \"venueName\":");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.PROPERTY_NEWLY_REQUIRED);
    }

    @Test
    void makingARequiredPropertyOptionalBreaks() {
        String current = RELEASED.replace("\"required\": [\"meetingId\", \"capacity\"]", "\"required\": [\"meetingId\"]");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.PROPERTY_NO_LONGER_REQUIRED);
    }

    @Test
    void narrowingATypeBreaks() {
        String current = RELEASED.replace("\"venueName\": { \"type\": [\"string\", \"null\"]", "\"venueName\": { \"type\": \"string\"");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/properties/venueName/type", Rule.TYPE_NARROWED, "[null, string] became [string]"));
    }

    @Test
    void narrowingNumberToIntegerBreaks() {
        String released = RELEASED.replace("\"capacity\": { \"type\": \"integer\"", "\"capacity\": { \"type\": \"number\"");

        assertThat(breaks(released, RELEASED)).containsExactly(Rule.TYPE_NARROWED);
    }

    @Test
    void wideningATypeBreaks() {
        String current = RELEASED.replace("\"capacity\": { \"type\": \"integer\"", "\"capacity\": { \"type\": [\"integer\", \"null\"]");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.TYPE_WIDENED);
    }

    @Test
    void changingATypeBreaks() {
        String current = RELEASED.replace("\"capacity\": { \"type\": \"integer\"", "\"capacity\": { \"type\": \"string\"");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/properties/capacity/type", Rule.TYPE_CHANGED, "[integer] became [string]"));
    }

    @Test
    void changingATypeInsideArrayItemsBreaks() {
        String current = RELEASED.replace("\"items\": { \"type\": \"string\", \"format\": \"uuid\" }",
                "\"items\": { \"type\": \"integer\" }");

        assertThat(breaking(RELEASED, current)).extracting(Breaking::where, Breaking::rule).containsExactlyInAnyOrder(
                tuple("/properties/memberIds/items/format", Rule.CONSTRAINT_WIDENED),
                tuple("/properties/memberIds/items/type", Rule.TYPE_CHANGED));
    }

    @Test
    void removingAnEnumValueBreaks() {
        String current = RELEASED.replace("\"enum\": [\"GROUP_MEETING\", \"LAUNCH_EVENT\"]", "\"enum\": [\"GROUP_MEETING\"]");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/properties/kind/enum", Rule.ENUM_VALUE_REMOVED, "\"LAUNCH_EVENT\""));
    }

    @Test
    void addingAnEnumValueBreaks() {
        String current = RELEASED.replace("\"enum\": [\"GROUP_MEETING\", \"LAUNCH_EVENT\"]",
                "\"enum\": [\"GROUP_MEETING\", \"LAUNCH_EVENT\", \"DEVELOPMENT_DAY\"]");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/properties/kind/enum", Rule.ENUM_VALUE_ADDED, "\"DEVELOPMENT_DAY\""));
    }

    @Test
    void tighteningAdditionalPropertiesBreaks() {
        String current = RELEASED.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        assertThat(breaking(RELEASED, current)).containsExactly(
                new Breaking("/additionalProperties", Rule.ADDITIONAL_PROPERTIES_TIGHTENED, "true became false"));
    }

    @Test
    void tighteningAbsentAdditionalPropertiesBreaks() {
        String released = RELEASED.replace(",\n  \"additionalProperties\": true", "");
        String current = RELEASED.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        assertThat(breaks(released, current)).containsExactly(Rule.ADDITIONAL_PROPERTIES_TIGHTENED);
    }

    @Test
    void loosenedAdditionalPropertiesBreaksConsumersThatForbidThem() {
        String released = RELEASED.replace("\"additionalProperties\": true", "\"additionalProperties\": false");

        assertThat(breaks(released, RELEASED)).containsExactly(Rule.ADDITIONAL_PROPERTIES_LOOSENED);
    }

    @Test
    void addingAPropertyWhereTheReleasedVersionForbidsMoreBreaks() {
        String released = RELEASED.replace("\"additionalProperties\": true", "\"additionalProperties\": false");
        String current = released.replace("\"venueName\":", "\"keySpeaker\": { \"type\": \"string\" }, \"venueName\":");

        assertThat(breaking(released, current)).containsExactly(
                new Breaking("/properties/keySpeaker", Rule.PROPERTY_ADDED_WHERE_FORBIDDEN, "keySpeaker"));
    }

    @Test
    void raisingAMinimumOrLoweringAMaximumBreaksPublishedEvents() {
        String current = RELEASED.replace("\"minimum\": 1, \"maximum\": 500", "\"minimum\": 2, \"maximum\": 400");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.CONSTRAINT_NARROWED, Rule.CONSTRAINT_NARROWED);
    }

    @Test
    void loweringAMinimumOrRemovingAMaximumBreaksReleasedConsumers() {
        String current = RELEASED.replace("\"minimum\": 1, \"maximum\": 500", "\"minimum\": 0");

        assertThat(breaking(RELEASED, current)).extracting(Breaking::where, Breaking::rule).containsExactlyInAnyOrder(
                tuple("/properties/capacity/minimum", Rule.CONSTRAINT_WIDENED),
                tuple("/properties/capacity/maximum", Rule.CONSTRAINT_WIDENED));
    }

    @Test
    void addingAnExclusiveMinimumBreaks() {
        String current = RELEASED.replace("\"minimum\": 1,", "\"minimum\": 1, \"exclusiveMinimum\": 1,");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.CONSTRAINT_NARROWED);
    }

    @Test
    void addingRemovingOrChangingAFormatBreaks() {
        String added = RELEASED.replace("\"venueName\": { \"type\": [\"string\", \"null\"]",
                "\"venueName\": { \"type\": [\"string\", \"null\"], \"format\": \"email\"");
        String removed = RELEASED.replace("\"meetingId\": { \"type\": \"string\", \"format\": \"uuid\" }",
                "\"meetingId\": { \"type\": \"string\" }");
        String changed = RELEASED.replace("\"meetingId\": { \"type\": \"string\", \"format\": \"uuid\" }",
                "\"meetingId\": { \"type\": \"string\", \"format\": \"uri\" }");

        assertThat(breaks(RELEASED, added)).containsExactly(Rule.CONSTRAINT_NARROWED);
        assertThat(breaks(RELEASED, removed)).containsExactly(Rule.CONSTRAINT_WIDENED);
        assertThat(breaks(RELEASED, changed)).containsExactly(Rule.CONSTRAINT_CHANGED);
    }

    @Test
    void changingTheSchemasIdentityBreaks() {
        String current = RELEASED.replace("MeetingScheduled:v1", "MeetingScheduled:v2");

        assertThat(breaks(RELEASED, current)).containsExactly(Rule.IDENTITY_CHANGED);
    }

    @Test
    void aChangedKeywordTheCheckDoesNotKnowBreaksUntilItIsTaught() {
        String released = RELEASED.replace("\"additionalProperties\": true",
                "\"additionalProperties\": true, \"dependentRequired\": { \"venueName\": [\"meetingId\"] }");
        String current = RELEASED.replace("\"additionalProperties\": true",
                "\"additionalProperties\": true, \"dependentRequired\": { \"venueName\": [\"capacity\"] }");

        assertThat(breaks(released, released)).isEmpty();
        assertThat(breaking(released, current)).containsExactly(new Breaking("/dependentRequired",
                Rule.UNKNOWN_KEYWORD_CHANGED, "{\"venueName\":[\"meetingId\"]} became {\"venueName\":[\"capacity\"]}"));
    }

    @Test
    void forbiddingEveryValueOfAPropertyBreaks() {
        String current = RELEASED.replace("\"venueName\": { \"type\": [\"string\", \"null\"], \"description\": \"Null for an online meeting.\" }",
                "\"venueName\": false");

        assertThat(breaking(RELEASED, current)).extracting(Breaking::where, Breaking::rule)
                .containsExactly(tuple("/properties/venueName", Rule.CONSTRAINT_NARROWED));
    }

    @Test
    void aBreakingChangeSaysWhereWhatAndWhy() {
        Breaking breaking = new Breaking("/properties/venueName", Rule.PROPERTY_REMOVED, "venueName");

        assertThat(breaking.toString()).isEqualTo("/properties/venueName: PROPERTY_REMOVED (venueName): "
                + "a property was removed or renamed: consumers of the released version read it");
    }

    private static String withNested(String item) {
        return RELEASED.replace("\"items\": { \"type\": \"string\", \"format\": \"uuid\" }", "\"items\": " + item);
    }

    static List<Breaking> breaking(String released, String current) {
        return SchemaCompatibility.compare(JSON.readTree(released), JSON.readTree(current));
    }

    static List<Rule> breaks(String released, String current) {
        return breaking(released, current).stream().map(Breaking::rule).toList();
    }
}
