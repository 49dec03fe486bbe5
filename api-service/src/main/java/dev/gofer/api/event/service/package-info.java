/** Recording and reading domain events. */
package dev.gofer.api.event.service;
