/** Tokens for tests: RestAssured sends an admin token unless a test sends its own header. */
package dev.gofer.testsupport.auth;
