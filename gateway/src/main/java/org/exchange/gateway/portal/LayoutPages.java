package org.exchange.gateway.portal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;

import reactor.core.publisher.Mono;

/**
 * Every portal page is served in the one layout ({@link PageLayout}) at its own address, {@code /admin/audit.html} as
 * before; so are the error pages Spring Boot answers with ({@code error/404.html}, {@code error/5xx.html}).
 */
@Configuration(proxyBeanMethods = false)
class LayoutPages {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /**
     * Ahead of the static files (router functions are asked first), so that a page's file is never served as it is.
     * Sign-in and roles are checked before, by the security filters, as for any other address.
     */
    @Bean
    RouterFunction<ServerResponse> pagesInTheLayout(PageLayout layout) {
        RequestPredicate page = request -> (HttpMethod.GET.equals(request.method())
                || HttpMethod.HEAD.equals(request.method())) && layout.hasPage(request.path());
        return RouterFunctions.route(page, request -> layout.render(request.path())
                .flatMap(html -> ServerResponse.ok().contentType(HTML).bodyValue(html)));
    }

    /** Spring Boot's own error handling (which status, HTML or JSON, logging), its error pages in the layout. */
    @Bean
    @Order(-1)
    ErrorWebExceptionHandler errorPages(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs, ApplicationContext context,
            PageLayout layout) {
        var handler = new DefaultErrorWebExceptionHandler(errorAttributes, web.getResources(), web.getError(),
                context) {
            @Override
            protected Mono<ServerResponse> renderErrorView(String viewName, ServerResponse.BodyBuilder response,
                    Map<String, Object> error) {
                return layout.render("/" + viewName + ".html").flatMap(response::bodyValue);
            }
        };
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        return handler;
    }
}
