/** REST endpoints for pipeline and global secrets; values go in, and come out only to the store admin token. */
package dev.gofer.store.secret.rest;
