/** HTTP error mapping: every error leaves as application/problem+json. */
package dev.gofer.api.common.rest;
