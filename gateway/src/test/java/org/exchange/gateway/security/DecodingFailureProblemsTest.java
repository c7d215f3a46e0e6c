package org.exchange.gateway.security;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** What Reactor Netty refuses before Spring runs is answered with a problem detail, not an empty body. */
class DecodingFailureProblemsTest {

    @Test
    void anAddressOverTheLineLimitIsA414Problem() throws IOException {
        DisposableServer server = new DecodingFailureProblems().apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> response.sendString(Mono.just("ok"))).bindNow();
        try {
            String answer = rawGet(server.port(), "/api/exchange/meetings/" + "9".repeat(10_000));

            assertThat(answer).startsWith("HTTP/1.1 414");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"title\":\"Request-URI Too Long\"")
                    .contains("\"detail\":\"The address is too long\"");

            assertThat(rawGet(server.port(), "/api/exchange/meetings")).startsWith("HTTP/1.1 200").endsWith("ok");
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void anEmptyBadRequestAnswerGetsAProblemBody() throws IOException {
        DisposableServer server = new DecodingFailureProblems().apply(HttpServer.create().host("127.0.0.1").port(0))
                .handle((request, response) -> response.status(400).send()).bindNow();
        try {
            String answer = rawGet(server.port(), "/api/exchange/meetings/%zz");

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"detail\":\"The request could not be read");
        } finally {
            server.disposeNow();
        }
    }

    private static String rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), ISO_8859_1);
        }
    }
}
