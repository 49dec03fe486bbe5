/** Pipeline, config and deployment entities and their repositories. */
package dev.gofer.api.pipeline.persistence;
