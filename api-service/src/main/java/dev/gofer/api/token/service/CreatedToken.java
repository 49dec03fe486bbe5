package dev.gofer.api.token.service;

/** A token just made: its secret, shown this once, and its details. */
public record CreatedToken(String secret, TokenView token) {
}
