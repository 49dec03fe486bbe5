/** Tokens and roles: service. */
package dev.gofer.api.token.service;
