/** The forwarding routes of the front door (HTTP in). */
package dev.gofer.api.frontdoor.rest;
