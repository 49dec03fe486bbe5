/** REST endpoints for pipeline and global secrets; values go in, and come out only to tokens allowed to reveal them. */
package dev.gofer.store.secret.rest;
