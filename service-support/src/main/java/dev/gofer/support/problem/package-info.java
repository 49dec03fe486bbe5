/**
 * HTTP errors: one problem+json shape (RFC 9457 plus the invalid fields), the root of every service's domain
 * exceptions, and the one mapper that turns failures into problem responses.
 */
package dev.gofer.support.problem;
