/** Subscribing pipelines to triggers: validation, the trigger-kind port, lifecycle. */
package dev.gofer.trigger.subscription.service;
