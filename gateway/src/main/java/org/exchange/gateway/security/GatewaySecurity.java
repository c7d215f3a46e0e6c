package org.exchange.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.exchange.gateway.portal.MapTiles;
import org.exchange.gateway.portal.PageLayout;
import org.exchange.gateway.portal.PortalFiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * The gateway as a backend-for-frontend: people sign in through Keycloak (authorization code with PKCE), their tokens
 * stay in the server-side session and are relayed to the services; API clients bring their own bearer token, which the
 * gateway validates and passes on. Portal pages redirect to sign-in, API calls get problem details.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ GatewayProperties.class, MapTiles.class })
public class GatewaySecurity {

    /** The query parameter of the sign-in address that asks Keycloak for its registration page instead. */
    static final String SIGN_UP = "signup";

    /** Where a portal page sends someone who is not signed in. */
    static final String SIGN_IN = "/oauth2/authorization/";

    /** Pages and paths that need no sign-in. */
    static final String[] PUBLIC_PATHS = {
            "/", "/index.html", "/library.html", "/finder.html", "/newsletters.html", "/interest.html", "/signed-out.html",
            "/groups/events.html", "/sign-in.html",
            "/favicon.ico", "/css/**", "/js/**", "/img/**", "/maps/**", "/webjars/**", "/error/**", "/fallback/**",
            "/portal/session", "/portal/settings", "/actuator/health/**", "/actuator/info", "/login/**", "/oauth2/**",
            "/awards/", "/awards/index.html", "/credentials/**" };

    /** Metrics and the gateway's routes are for operations staff (realm role {@code ops}), with their bearer token. */
    static final String[] OPS_PATHS = { "/actuator/**" };

    /**
     * One-click unsubscribe links in e-mails (RFC 8058): mail clients call them without a session or a CSRF token; the
     * secret token in the path is the credential, checked by notification-service.
     */
    static final String UNSUBSCRIBE_LINKS = "/api/notifications/unsubscribe/*";

    /**
     * Registering interest in a subject without an account, and the confirmation and withdrawal links of its mails
     * (POST, with the portal's CSRF token): exchange-service opens the same paths and checks the tokens and limits.
     */
    static final String[] INTEREST_BY_EMAIL = { "/api/exchange/interests/by-email",
            "/api/exchange/interests/confirmation", "/api/exchange/interests/withdrawal" };

    /** Portal sections and the roles that may open them. */
    static final String PROGRAMME_ADMIN_PAGES = "/admin/**";
    static final String ORG_ADMIN_PAGES = "/organisation/**";
    static final String FACILITATOR_PAGES = "/facilitate/**";
    static final String ASSESSOR_PAGES = "/assess/**";

    /** What an API call without any credential is told. */
    private static final String SIGN_IN_OR_SEND_A_TOKEN = "Sign in, or send an access token, to use this part of the API";

    private static final Pattern IDENTITY_PROVIDER_ALIAS = Pattern.compile("[a-z0-9-]{1,64}");

    /**
     * Spring Security does not observe itself (its filter chain, authentication and authorisation as observations and
     * spans): the profile of issue 15 found that the larger part of the per-request observation cost. The server's
     * own observation (the {@code http.server.requests} metrics, the trace and its W3C propagation) stays.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties properties) {
        return new LazyIssuerClientRegistrations(properties.oidc());
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        // tokens live in the person's server-side session, never in the browser
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Gets, and refreshes when it expires, the access token the gateway relays for a signed-in person. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokens) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.accessTokenResponseClient(refreshTokens))
                .build());
        return manager;
    }

    /**
     * When the session's tokens can no longer be refreshed (the Keycloak session ended or expired), the portal's API
     * call gets a 401 problem detail, so the portal can send the person to sign in again, instead of a 500.
     */
    @Bean
    @Order(-2)
    WebExceptionHandler expiredSignIn() {
        return (exchange, error) -> error instanceof ClientAuthorizationException
                ? exchange.getSession().flatMap(WebSession::invalidate).then(Problems.write(exchange,
                        HttpStatus.UNAUTHORIZED, "Your sign-in has expired. Please sign in again."))
                : Mono.error(error);
    }

    /**
     * An API call that brings its own bearer token, with or without a session cookie: authenticated by that token alone
     * and stateless. None of the session chain's browser machinery runs for it: no security context read from or saved
     * to the session, no CSRF check (the Authorization header is no ambient credential a forged cross-site request
     * could borrow; the session chain exempts such calls from CSRF too), no request cache, no OAuth2 sign-in or
     * sign-out filters. A session cookie sent beside the token is ignored: the call is the token's, and a token that is
     * not valid is a 401 even when the session is signed in (ADR 0030). The rules, the problem answers and the security
     * headers are the session chain's own. First, after the management port's chain (which only takes requests to that
     * port): the profile of issue 15 found the full chain about 11% of the gateway's samples on such calls.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityWebFilterChain bearerApiSecurity(ServerHttpSecurity http, GatewayProperties properties, PortalFiles files,
            MapTiles mapTiles) {
        http.securityMatcher(bearerApiCalls());
        http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        http.csrf(ServerHttpSecurity.CsrfSpec::disable);
        http.requestCache(ServerHttpSecurity.RequestCacheSpec::disable);
        http.logout(ServerHttpSecurity.LogoutSpec::disable);
        http.authorizeExchange(exchanges -> accessRules(exchanges, properties, files));
        http.oauth2ResourceServer(GatewaySecurity::bearerTokens);
        http.exceptionHandling(handling -> handling
                .authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED, SIGN_IN_OR_SEND_A_TOKEN))
                .accessDeniedHandler(deniedProblem()));
        http.headers(headers -> securityHeaders(headers, properties, mapTiles));
        return http.build();
    }

    @Bean
    SecurityWebFilterChain portalAndApiSecurity(ServerHttpSecurity http, GatewayProperties properties,
            ReactiveClientRegistrationRepository registrations, PortalFiles files, PageLayout layout,
            MapTiles mapTiles) {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
        http.authorizeExchange(exchanges -> accessRules(exchanges, properties, files));
        http.oauth2Login(login -> login
                .authorizationRequestResolver(authorizationRequests(registrations))
                .authenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/login/oauth2/code/{registrationId}")));
        http.oauth2ResourceServer(GatewaySecurity::bearerTokens);
        http.exceptionHandling(handling -> handling
                .authenticationEntryPoint(entryPoint(api, properties.oidc().registrationId()))
                .accessDeniedHandler(accessDenied(api, layout)));
        http.logout(logout -> logout.logoutSuccessHandler(rpInitiatedLogout(registrations)));
        http.csrf(csrf -> csrf
                .accessDeniedHandler(csrfRefused())
                .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                        CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(bearerToken()),
                        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(UNSUBSCRIBE_LINKS)))));
        http.headers(headers -> securityHeaders(headers, properties, mapTiles));
        return http.build();
    }

    /** Who may reach what: the one list of rules both chains apply. */
    private static void accessRules(ServerHttpSecurity.AuthorizeExchangeSpec exchanges, GatewayProperties properties,
            PortalFiles files) {
        exchanges.pathMatchers(PUBLIC_PATHS).permitAll();
        exchanges.pathMatchers(UNSUBSCRIBE_LINKS).permitAll();
        exchanges.pathMatchers(HttpMethod.POST, INTEREST_BY_EMAIL).permitAll();
        exchanges.matchers(new UnknownPages(files)).permitAll();
        if (!properties.publicApi().isEmpty()) {
            exchanges.pathMatchers(HttpMethod.GET, properties.publicApi().toArray(String[]::new)).permitAll();
        }
        exchanges.pathMatchers(PROGRAMME_ADMIN_PAGES).hasRole("programme-admin");
        exchanges.pathMatchers(ORG_ADMIN_PAGES).hasRole("org-admin");
        exchanges.pathMatchers(FACILITATOR_PAGES).hasAnyRole("facilitator", "programme-admin");
        exchanges.pathMatchers(OPS_PATHS).hasRole("ops");
        exchanges.pathMatchers(ASSESSOR_PAGES).hasAnyRole("assessor", "programme-admin");
        exchanges.anyExchange().authenticated();
    }

    /** Bearer tokens validated by the gateway's one decoder (the realm's keys, issuer and audience; RememberedTokens). */
    private static void bearerTokens(ServerHttpSecurity.OAuth2ResourceServerSpec server) {
        server.jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Mono.just(bearer(token))))
                .authenticationEntryPoint(problem(HttpStatus.UNAUTHORIZED, "A valid access token is needed"))
                .accessDeniedHandler(deniedProblem());
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers, GatewayProperties properties,
            MapTiles mapTiles) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                        "default-src 'self'", "script-src 'self'", "style-src 'self'",
                        // the maps' tiles only from the tile server configured, if any (MapTiles)
                        "img-src 'self' data:" + mapTiles.imageSource().map(source -> " " + source).orElse(""),
                        "connect-src 'self'",
                        "font-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self' "
                                + formTargets(properties), "frame-ancestors 'none'")))
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicy(permissions -> permissions.policy("geolocation=(self), camera=(), microphone=()"));
    }

    /**
     * The CSRF token cookie is written only once something asks for the token: ask on every response the portal may
     * read it from. An API client with its own bearer token needs no CSRF token, so it is sent no cookie.
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null || carriesBearerToken(exchange) ? chain.filter(exchange)
                    : token.then(chain.filter(exchange));
        };
    }

    @Bean
    GrantedAuthoritiesMapper realmRoleAuthorities() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
            authorities.forEach(authority -> {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(RealmRoles.authorities(oidc.getIdToken().getClaims()));
                    if (oidc.getUserInfo() != null) {
                        mapped.addAll(RealmRoles.authorities(oidc.getUserInfo().getClaims()));
                    }
                }
            });
            return mapped;
        };
    }

    private static AbstractAuthenticationToken bearer(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, RealmRoles.authorities(jwt.getClaims()), jwt.getSubject());
    }

    /**
     * PKCE (S256) on every authorization request; {@code ?idp=<alias>} goes to Keycloak as {@code kc_idp_hint}, and
     * {@code ?signup} opens Keycloak's registration page instead of its sign-in page ({@code prompt=create}).
     */
    private static ServerOAuth2AuthorizationRequestResolver authorizationRequests(
            ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations) {
                    @Override
                    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange,
                            String clientRegistrationId) {
                        String idp = exchange.getRequest().getQueryParams().getFirst("idp");
                        boolean signUp = exchange.getRequest().getQueryParams().containsKey(SIGN_UP);
                        return super.resolve(exchange, clientRegistrationId).map(request ->
                                idp != null && IDENTITY_PROVIDER_ALIAS.matcher(idp).matches()
                                        ? OAuth2AuthorizationRequest.from(request)
                                                .additionalParameters(parameters -> parameters.put("kc_idp_hint", idp))
                                                .build()
                                        : signUp ? OAuth2AuthorizationRequest.from(request)
                                                .additionalParameters(parameters -> parameters.put("prompt", "create"))
                                                .build()
                                        : request);
                    }
                };
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    private static ServerAuthenticationEntryPoint entryPoint(ServerWebExchangeMatcher api, String registrationId) {
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(api, problem(HttpStatus.UNAUTHORIZED, SIGN_IN_OR_SEND_A_TOKEN)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN + registrationId));
        return entryPoint;
    }

    private static ServerAccessDeniedHandler accessDenied(ServerWebExchangeMatcher api, PageLayout layout) {
        ServerAccessDeniedHandler page = new ErrorPage(HttpStatus.FORBIDDEN, layout);
        ServerAccessDeniedHandler problem = deniedProblem();
        return (exchange, denied) -> api.matches(exchange)
                .flatMap(match -> match.isMatch() ? problem.handle(exchange, denied) : page.handle(exchange, denied));
    }

    /**
     * A change without a CSRF token is refused before anyone is known: someone not signed in (no session, no bearer
     * token) gets the 401 problem detail the rest of the API gives, a signed-in person a 403 problem detail.
     */
    private static ServerAccessDeniedHandler csrfRefused() {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        return (exchange, denied) -> ReactiveSecurityContextHolder.getContext()
                .switchIfEmpty(Mono.defer(() -> sessions.load(exchange)))
                .map(context -> context.getAuthentication() != null && context.getAuthentication().isAuthenticated())
                .defaultIfEmpty(false)
                .flatMap(signedIn -> signedIn
                        ? Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "This change needs the portal's CSRF token; reload the page and try again")
                        : Problems.write(exchange, HttpStatus.UNAUTHORIZED, SIGN_IN_OR_SEND_A_TOKEN));
    }

    private static ServerAccessDeniedHandler deniedProblem() {
        return (exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "Your role does not allow this");
    }

    private static ServerAuthenticationEntryPoint problem(HttpStatus status, String detail) {
        return (exchange, e) -> Problems.write(exchange, status, detail);
    }

    private static OidcClientInitiatedServerLogoutSuccessHandler rpInitiatedLogout(
            ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/signed-out.html");
        return handler;
    }

    /**
     * A request that authenticates with its own bearer token carries no ambient credential a forged cross-site
     * request could borrow (browsers add cookies, never an Authorization header), so it needs no CSRF token.
     */
    private static ServerWebExchangeMatcher bearerToken() {
        return exchange -> carriesBearerToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /** A call to the API that carries a bearer token: the stateless chain's (bearerApiSecurity). */
    private static ServerWebExchangeMatcher bearerApiCalls() {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        return exchange -> carriesBearerToken(exchange) ? api.matches(exchange)
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static boolean carriesBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Keycloak's own pages (sign-out confirmation) are a form target of the portal. */
    private static String formTargets(GatewayProperties properties) {
        String issuer = properties.oidc().issuerUri();
        int path = issuer.indexOf("/realms/");
        return path > 0 ? issuer.substring(0, path) : issuer;
    }
}
