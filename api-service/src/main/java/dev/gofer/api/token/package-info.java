/** Tokens and roles: the one-time bootstrap, admin-made tokens, custom roles, and the directory every check reads. */
package dev.gofer.api.token;
