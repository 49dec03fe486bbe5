package dev.gofer.api.frontdoor.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.events.EventCodec;
import dev.gofer.support.problem.Problem;

/**
 * Serves store-service's and trigger-service's user routes on api-service's port, at the same paths: secrets
 * (pipeline and global), pipeline and run objects, subscriptions. Requests and answers are streamed through as they
 * are, the {@code Authorization} header included, so the service behind checks the token itself (one rule per route,
 * where the route is). Those services listen on loopback by default; only this door faces the network. An unreachable
 * service is a 502 {@code application/problem+json}.
 */
@ApplicationScoped
public class FrontDoor {

    private static final Logger LOG = Logger.getLogger(FrontDoor.class);
    /** Store routes: pipeline secrets and objects, run objects, global secrets. */
    static final Pattern STORE = Pattern.compile("/api/namespaces/[^/]+/pipelines/[^/]+/(secrets|objects)(/.*)?"
            + "|/api/namespaces/[^/]+/pipelines/[^/]+/runs/[^/]+/objects(/.*)?|/api/secrets/global(/.*)?");
    /** Trigger routes: subscriptions. */
    static final Pattern TRIGGER = Pattern.compile("/api/namespaces/[^/]+/pipelines/[^/]+/subscriptions(/.*)?");
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and Host: never forwarded. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    @Inject
    ApiConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;

    void routes(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setConnectTimeout(5_000)
                .setKeepAlive(true));
        // Ahead of the JAX-RS routes: these paths are not api-service's own.
        router.routeWithRegex(STORE.pattern()).order(-100)
                .handler(ctx -> forward(ctx, config.storeServiceUrl(), "store-service"));
        router.routeWithRegex(TRIGGER.pattern()).order(-100)
                .handler(ctx -> forward(ctx, config.triggerServiceUrl(), "trigger-service"));
    }

    private void forward(RoutingContext ctx, URI target, String service) {
        HttpServerRequest in = ctx.request();
        in.pause();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setHost(target.getHost())
                .setPort(target.getPort()).setURI(in.uri()).setIdleTimeout(120_000);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(in.headers(), headers);
        headers.add("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().host());
        options.setHeaders(headers);
        client.request(options)
                .compose(out -> out.send(in))
                .onSuccess(answer -> relay(answer, ctx.response()))
                .onFailure(e -> unreachable(ctx, service, e));
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        copy(answer.headers(), response.headers());
        if (answer.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private static void unreachable(RoutingContext ctx, String service, Throwable e) {
        LOG.warnf("front door: %s %s could not be forwarded to %s: %s", ctx.request().method(), ctx.request().path(),
                service, e.getMessage());
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + "bad-gateway", "Bad gateway", 502,
                service + " is unreachable; try again shortly", ctx.request().path(), List.of());
        try {
            response.setStatusCode(502).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(EventCodec.mapper().writeValueAsString(problem));
        } catch (JsonProcessingException json) {
            response.setStatusCode(502).end();
        }
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
