package org.exchange.gateway.ratelimit;

import java.util.List;
import java.util.Map;

import org.exchange.gateway.security.Problems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A per-person rate limit on a route: each signed-in person (or API client, by its token's subject) gets their own
 * budget, anonymous callers one per address. Past it the answer is 429 with {@code Retry-After} and a problem detail.
 * <p>
 * Route filter {@code UserRateLimit}, args {@code replenishRate} (requests a second) and {@code burstCapacity}; both
 * default to {@code exchange.gateway.rate-limit.*}.
 */
@Component
@EnableConfigurationProperties(UserRateLimitGatewayFilterFactory.Defaults.class)
public class UserRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<UserRateLimitGatewayFilterFactory.Config> {

    private final RateLimitStore buckets;
    private final Defaults defaults;

    UserRateLimitGatewayFilterFactory(Defaults defaults, RateLimitStore buckets) {
        super(Config.class);
        this.defaults = defaults;
        this.buckets = buckets;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("replenishRate", "burstCapacity");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> caller(exchange).flatMap(caller -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            String routeId = route == null ? "" : route.getId();
            Limit limit = defaults.forRoute(routeId, config);
            return buckets.take(routeId + "|" + caller, limit.replenishRate(), limit.burstCapacity())
                    .flatMap(wait -> {
                        if (wait.isZero()) {
                            return chain.filter(exchange);
                        }
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                                "Too many requests in a short time. Please wait " + seconds + " s and try again.");
                    });
        });
    }

    /** The signed-in person's name, or the caller's address when nobody is signed in. */
    private static Mono<String> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    var address = exchange.getRequest().getRemoteAddress();
                    // behind a load balancer the forwarded address arrives unresolved: its text, never a lookup
                    return "address:" + (address == null ? "unknown" : address.getHostString());
                }));
    }

    /** Arguments of the route filter. */
    public static class Config {
        private int replenishRate;
        private int burstCapacity;

        public int getReplenishRate() {
            return replenishRate;
        }

        public void setReplenishRate(int replenishRate) {
            this.replenishRate = replenishRate;
        }

        public int getBurstCapacity() {
            return burstCapacity;
        }

        public void setBurstCapacity(int burstCapacity) {
            this.burstCapacity = burstCapacity;
        }
    }

    /**
     * A budget: requests a second, sustained, and requests allowed at once.
     */
    public record Limit(Integer replenishRate, Integer burstCapacity) {
    }

    /**
     * The limits of every route, unless the route's filter args or {@code routes.<route id>} name their own.
     *
     * @param replenishRate requests a second, sustained
     * @param burstCapacity requests allowed at once
     * @param routes limits of particular routes, by route id
     * @param store {@code memory} (each gateway replica counts for itself) or {@code redis} (shared by every replica,
     *        through {@code spring.data.redis.*})
     */
    @ConfigurationProperties("exchange.gateway.rate-limit")
    public record Defaults(Integer replenishRate, Integer burstCapacity, Map<String, Limit> routes, String store) {

        public Defaults {
            store = store == null ? "memory" : store;
            replenishRate = replenishRate == null ? 20 : replenishRate;
            burstCapacity = burstCapacity == null ? 60 : burstCapacity;
            routes = routes == null ? Map.of() : Map.copyOf(routes);
        }

        Limit forRoute(String routeId, Config args) {
            Limit configured = routes.getOrDefault(routeId, new Limit(null, null));
            int rate = args.getReplenishRate() > 0 ? args.getReplenishRate()
                    : configured.replenishRate() != null ? configured.replenishRate() : replenishRate;
            int burst = args.getBurstCapacity() > 0 ? args.getBurstCapacity()
                    : configured.burstCapacity() != null ? configured.burstCapacity() : burstCapacity;
            return new Limit(rate, burst);
        }
    }
}
