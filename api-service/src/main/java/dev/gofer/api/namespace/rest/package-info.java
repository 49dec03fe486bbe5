/** REST resource and request/response records for namespaces. */
package dev.gofer.api.namespace.rest;
