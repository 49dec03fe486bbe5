/** Pipeline and config entities and their repositories. */
package dev.gofer.api.pipeline.persistence;
