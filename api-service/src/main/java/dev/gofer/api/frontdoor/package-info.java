/**
 * The one front door: the routes store-service and trigger-service serve are also served, at the same paths, on
 * api-service's port, forwarded as they are (the caller's token included; each service checks it itself).
 */
package dev.gofer.api.frontdoor;
