/** Tokens and roles: persistence. */
package dev.gofer.api.token.persistence;
