/**
 * What every feature of trigger-service shares: the module's one unchecked root exception and its reasons, and the
 * publisher of run requests (over the contract's EventPublisher, as use cases publish in every service).
 */
package dev.gofer.trigger.common.service;
