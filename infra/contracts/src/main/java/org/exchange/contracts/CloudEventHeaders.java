package org.exchange.contracts;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding, binary content mode:
 * the attributes travel as {@code ce_}-prefixed headers, the record value is the JSON payload.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** In binary mode the data content type is the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, added by the observed Kafka template, so a trace follows the event to its consumers. */
    public static final String TRACE_PARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
