package org.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's part of a trace: the W3C {@code traceparent} it forwards to the service continues the caller's trace,
 * or one the gateway begins, so that the service's spans, and those of the events it publishes, join it. A small HTTP
 * server plays the exchange service and keeps the header it was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraceThroughTheGatewayTest {

    private static final AtomicReference<String> forwarded = new AtomicReference<>();
    private static HttpServer exchangeService;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheService() throws IOException {
        exchangeService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exchangeService.createContext("/api/exchange/networks", exchange -> {
            forwarded.set(exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] body = "[]".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        exchangeService.start();
    }

    @AfterAll
    static void stopTheService() {
        exchangeService.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("exchange.services.exchange", () -> "http://127.0.0.1:" + exchangeService.getAddress().getPort());
    }

    @Test
    void theServiceIsCalledInTheCallersTraceThroughASpanOfTheGateway() throws Exception {
        String traceId = hex(16);
        String callersSpan = hex(8);

        HttpResponse<String> answer = get("00-" + traceId + "-" + callersSpan + "-01");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(forwarded.get()).as("the traceparent the service got")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callersSpan);
    }

    @Test
    void aCallWithoutTraceContextBeginsATraceAtTheGatewayThatTheServiceContinues() throws Exception {
        HttpResponse<String> answer = get(null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(forwarded.get()).as("the traceparent the service got").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private HttpResponse<String> get(String traceParent) throws Exception {
        forwarded.set(null);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/exchange/networks")).GET();
        if (traceParent != null) {
            request.header("traceparent", traceParent);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
