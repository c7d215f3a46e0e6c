package org.exchange.gateway.security;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than the limit before anything reads or relays it: a 413 problem
 * detail. No JSON request of the platform comes near it (the largest are newsletters and outcome summaries); file
 * uploads (multipart, such as an award portfolio's evidence of up to 5 MB) have a limit of their own, and the service
 * that stores a file checks its own, smaller limit per file. A body sent without a declared length (chunked) is
 * counted as it streams through, and the request fails with a 413 problem detail at the first byte over the limit.
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
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body has %d bytes; at most %d are accepted".formatted(length, limit));
        }
        if (length < 0) {
            return chain.filter(exchange.mutate().request(counted(exchange.getRequest(), limit)).build());
        }
        return chain.filter(exchange);
    }

    /** The request whose body fails with 413 once more than {@code limit} bytes have come through. */
    private static ServerHttpRequest counted(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    /** A streamed body over the limit: the client's doing, so the route's circuit breaker ignores it. */
    public static final class BodyTooLarge extends ResponseStatusException {

        BodyTooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, "The request body is over the %d bytes accepted".formatted(limit));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
