package org.exchange.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than the limit before anything reads or relays it: a 413 problem
 * detail. No JSON request of the platform comes near it (the largest are newsletters and outcome summaries); file
 * uploads (multipart, such as an award portfolio's evidence of up to 5 MB) have a limit of their own, and the service
 * that stores a file checks its own, smaller limit per file.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimit(@Value("${exchange.gateway.max-request-bytes:1048576}") long maxBytes,
            @Value("${exchange.gateway.max-upload-bytes:6291456}") long maxUploadBytes) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        MediaType type;
        try {
            type = exchange.getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            // found by fuzzing: a Content-Type such as "garbage" or an unknown charset was a 500
            return Problems.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type is not a valid media type: " + e.getMessage());
        }
        long limit = type != null && MediaType.MULTIPART_FORM_DATA.includes(type) ? maxUploadBytes : maxBytes;
        if (length > limit) {
            return Problems.write(exchange, HttpStatus.valueOf(413),
                    "The request body has %d bytes; at most %d are accepted".formatted(length, limit));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
