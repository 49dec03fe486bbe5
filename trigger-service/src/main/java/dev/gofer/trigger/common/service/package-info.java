/** The module's one unchecked root exception and its reasons. */
package dev.gofer.trigger.common.service;
