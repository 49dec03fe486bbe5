/** Tokens and roles: rest. */
package dev.gofer.api.token.rest;
