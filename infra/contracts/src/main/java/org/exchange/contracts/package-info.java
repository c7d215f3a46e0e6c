/**
 * The integration events of the Exchange platform, one package per publishing context.
 * Each payload is a record annotated with {@link org.exchange.contracts.EventType}; its JSON schema is a resource
 * under {@code schemas/}. Schemas change only by adding fields, or by a new version.
 */
package org.exchange.contracts;
