package org.exchange.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactor Netty answers a request it cannot decode (an address over its line limit: 414; headers too large: 431; a
 * broken request line: 400) itself, with an empty body, before Spring sees it; Spring answers an address that is no
 * URI ({@code %zz}) and the security firewall one it refuses ({@code %2e%2e}, {@code ;jsessionid=}) with a bare 400
 * too. This gives those empty answers a problem detail body like every other error of the gateway.
 */
@Component
class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String NAME = "exchange.decodingFailureProblems";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<HttpResponseStatus> DECODING_FAILURES = Set.of(HttpResponseStatus.REQUEST_URI_TOO_LONG,
            HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HttpResponseStatus.BAD_REQUEST);

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NAME) == null) {
                if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                    pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new ProblemBody());
                } else {
                    pipeline.addLast(NAME, new ProblemBody());
                }
            }
        });
    }

    /** Replaces the empty body of such an answer (no content, no content type) with a problem. */
    @ChannelHandler.Sharable
    static final class ProblemBody extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof FullHttpResponse response && DECODING_FAILURES.contains(response.status())
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                byte[] body = problem(response.status()).getBytes(StandardCharsets.UTF_8);
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                super.write(context, problem, promise);
                return;
            }
            super.write(context, message, promise);
        }

        private static String problem(HttpResponseStatus status) {
            String detail = switch (status.code()) {
                case 414 -> "The address is too long";
                case 431 -> "The request's headers are too large";
                default -> "The request could not be read: its address or headers are not valid";
            };
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.reasonPhrase());
            problem.put("status", status.code());
            problem.put("detail", detail);
            return JSON.writeValueAsString(problem);
        }
    }
}
