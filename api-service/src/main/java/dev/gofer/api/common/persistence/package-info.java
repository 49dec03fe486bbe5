/** Consumer-side dedupe of events by id. */
package dev.gofer.api.common.persistence;
