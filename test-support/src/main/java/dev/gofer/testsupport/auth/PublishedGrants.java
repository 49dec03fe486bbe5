package dev.gofer.testsupport.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.TokenGrant;
import dev.gofer.events.TopicProvisioner;
import dev.gofer.events.Topics;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.auth.TokenHash;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * Token grants published on {@code gofer.tokens} the way api-service publishes them, for tests of the services that
 * check tokens from the published view (store, trigger). Only the hash of each secret goes on the topic.
 */
public final class PublishedGrants {

    private PublishedGrants() {
    }

    public static TokenGrant admin(String id, String secret) {
        return grant(id, secret, List.of(".*"), List.of("admin"), true,
                List.of(new Permission(List.of(Permission.ALL), Arrays.asList(Action.values()))), 0, false);
    }

    public static TokenGrant grant(String id, String secret, List<String> namespaces, List<String> roles,
            boolean admin, List<Permission> permissions, long expires, boolean disabled) {
        List<TokenGrant.Grant> grants = permissions.stream().map(p -> new TokenGrant.Grant(p.resources(),
                p.actions().stream().map(Action::wire).toList())).toList();
        return new TokenGrant(id, TokenHash.of(secret), "test-" + id, namespaces, roles, admin, grants, expires,
                disabled, false, null);
    }

    /**
     * Tokens for the service under test (Quarkus sets {@link io.restassured.RestAssured#port}), probed on
     * {@code probePath}: a route every valid token gets an answer other than 401 from.
     */
    public static Tokens forServiceUnderTest(String probePath, String admin) {
        return new Tokens(dev.gofer.testsupport.EmbeddedKafka.shared().bootstrapServers(),
                URI.create("http://localhost:" + io.restassured.RestAssured.port + probePath), admin);
    }

    /** Publishes the grants (the topics are made first, compacted as in production). */
    public static void publish(String bootstrapServers, TokenGrant... grants) {
        TopicProvisioner.ensureAll(bootstrapServers);
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        for (TokenGrant grant : grants) {
            kafka.send(Topics.TOKENS, grant.tokenId(), EventCodec.encode(Envelope.of(grant.tokenId(), grant)),
                    Map.of());
        }
    }

    /**
     * {@link RouteMatrix.Tokens} for a service that reads published grants: each token is published, then
     * {@code probe} (a route of the service) is called with it until the service knows it (anything but 401), or,
     * for the expired and disabled ones, until it refuses the token it accepted a moment before.
     */
    public static final class Tokens implements RouteMatrix.Tokens {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final String bootstrapServers;
        private final URI probe;
        private final String admin;
        private final Map<String, String> made = new HashMap<>();
        private String expired;
        private String disabled;

        public Tokens(String bootstrapServers, URI probe, String admin) {
            this.bootstrapServers = bootstrapServers;
            this.probe = probe;
            this.admin = admin;
        }

        @Override
        public synchronized String grant(List<String> namespaces, List<Permission> permissions) {
            return made.computeIfAbsent(namespaces + " " + permissions, key -> {
                String secret = newSecret();
                publishAndAwait(PublishedGrants.grant(idOf(secret), secret, namespaces, List.of("custom"), false,
                        permissions, 0, false), secret, false);
                return secret;
            });
        }

        @Override
        public String admin() {
            return admin;
        }

        @Override
        public synchronized String expired() {
            if (expired == null) {
                String secret = newSecret();
                TokenGrant valid = PublishedGrants.admin(idOf(secret), secret);
                publishAndAwait(valid, secret, false);
                publishAndAwait(PublishedGrants.grant(valid.tokenId(), secret, List.of(".*"), List.of("admin"), true,
                        List.of(), System.currentTimeMillis() - 1_000, false), secret, true);
                expired = secret;
            }
            return expired;
        }

        @Override
        public synchronized String disabled() {
            if (disabled == null) {
                String secret = newSecret();
                TokenGrant valid = PublishedGrants.admin(idOf(secret), secret);
                publishAndAwait(valid, secret, false);
                publishAndAwait(PublishedGrants.grant(valid.tokenId(), secret, List.of(".*"), List.of("admin"), true,
                        List.of(), 0, true), secret, true);
                disabled = secret;
            }
            return disabled;
        }

        private void publishAndAwait(TokenGrant grant, String secret, boolean refused) {
            publish(bootstrapServers, grant);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if ((status(secret) == 401) == refused) {
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            throw new AssertionError("the service did not " + (refused ? "refuse" : "accept") + " token "
                    + grant.tokenId() + " within 10 s of its grant");
        }

        private int status(String secret) {
            try {
                return HTTP.send(HttpRequest.newBuilder(probe).header("Authorization", "Bearer " + secret).GET()
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new IllegalStateException("probe " + probe + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String newSecret() {
            return UUID.randomUUID().toString().replace("-", "");
        }

        private static String idOf(String secret) {
            return "t" + secret.substring(0, 15);
        }
    }
}
