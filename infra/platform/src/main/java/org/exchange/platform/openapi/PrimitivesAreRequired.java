package org.exchange.platform.openapi;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Marks a record's primitive components (an {@code int capacity}, a {@code boolean} flag) as required: they have no
 * null, so a request that leaves one out is refused, and the document must say so.
 */
class PrimitivesAreRequired implements ModelConverter {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        // A model resolved as a reference is defined in the context under the reference's last segment.
        Schema model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (model == null || model.getProperties() == null || !raw.isRecord()) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean listed = model.getRequired() != null && model.getRequired().contains(component.getName());
            if (component.getType().isPrimitive() && model.getProperties().containsKey(component.getName())
                    && !listed) {
                model.addRequiredItem(component.getName());
            }
        }
        return schema;
    }
}
