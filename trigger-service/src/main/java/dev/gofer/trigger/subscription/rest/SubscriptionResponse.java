package dev.gofer.trigger.subscription.rest;

/** {@code {"subscription":{...}}}. */
public record SubscriptionResponse(SubscriptionView subscription) {
}
