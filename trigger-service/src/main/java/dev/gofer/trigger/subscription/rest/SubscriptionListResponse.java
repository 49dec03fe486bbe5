package dev.gofer.trigger.subscription.rest;

import java.util.List;

/** {@code {"subscriptions":[...]}}, ordered by trigger kind then subscription id. */
public record SubscriptionListResponse(List<SubscriptionView> subscriptions) {
}
