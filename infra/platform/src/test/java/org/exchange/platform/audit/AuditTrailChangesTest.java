package org.exchange.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AuditTrailChangesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theChangedFieldsAreTheTopLevelFieldsWhoseValuesDiffer() {
        ObjectNode before = object("{\"name\":\"Room 4\",\"capacity\":20,\"address\":{\"town\":\"Dudley\"}}");
        ObjectNode after = object("{\"name\":\"Room 4\",\"capacity\":24,\"address\":{\"town\":\"Walsall\"},\"notes\":\"\"}");

        assertThat(AuditTrail.changed(before, after)).containsExactly("address", "capacity", "notes");
    }

    @Test
    void aCreatedOrDeletedRecordHasEveryFieldChanged() {
        ObjectNode record = object("{\"name\":\"Room 4\",\"capacity\":20}");

        assertThat(AuditTrail.changed(null, record)).containsExactly("capacity", "name");
        assertThat(AuditTrail.changed(record, null)).containsExactly("capacity", "name");
        assertThat(AuditTrail.changed(record, record.deepCopy())).isEmpty();
    }

    private static ObjectNode object(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
