/** HTTP plumbing: every error as application/problem+json from one mapper. */
package dev.gofer.trigger.common.rest;
