/** REST endpoints for pipeline and global secrets; values go in, never come out. */
package dev.gofer.store.secret.rest;
