package dev.gofer.trigger.subscription.rest;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.gofer.trigger.subscription.service.Identifiers;

/**
 * Body of {@code POST .../subscriptions}:
 * {@code {"trigger":"interval","subscription_id":"every-five","settings":{"every":"5m"},"variables":{"K":"V"}}}.
 * {@code settings} are checked by the trigger kind; {@code variables} become run variables of every run it starts.
 */
public record CreateSubscriptionRequest(
        @NotBlank String trigger,
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String subscriptionId,
        Map<String, String> settings,
        Map<String, String> variables) {
}
