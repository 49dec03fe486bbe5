/** REST resource and request/response records for pipeline subscriptions. */
package dev.gofer.trigger.subscription.rest;
