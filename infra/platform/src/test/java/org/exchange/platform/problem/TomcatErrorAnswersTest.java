package org.exchange.platform.problem;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.exchange.platform.problem.ProblemDetailsAutoConfiguration.ProblemErrorReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.RequestDispatcher;

/** What Tomcat refuses before any servlet runs, and what reaches the error page, is answered as a problem. */
class TomcatErrorAnswersTest {

    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPathWithABrokenPercentEscapeIsAProblemNotABare400() throws IOException {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ProblemErrorReports().customize(factory);
        server = factory.getWebServer(context -> context.addServlet("ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(200);
            }
        }).addMapping("/"));
        server.start();

        String answer = rawGet(server.getPort(), "/api/exchange/meetings/%zz");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"title\":\"Bad Request\"").contains("\"detail\":\"The request was refused: ");
    }

    @Test
    void theErrorPageAnswersAProblemWithTheStatusAndWhatWasWrong() {
        MockHttpServletRequest request = new MockHttpServletRequest("TRACE", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 405);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "TRACE method is not allowed");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/exchange/meetings");

        var answer = new ProblemErrorController().error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().getTitle()).isEqualTo("Method Not Allowed");
        assertThat(answer.getBody().getDetail()).isEqualTo("The request was refused: TRACE method is not allowed");
    }

    @Test
    void aServerErrorOnTheErrorPageSaysNothingOfItsCause() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "NullPointerException in SecretService line 42");

        var answer = new ProblemErrorController().error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).doesNotContain("SecretService");
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
