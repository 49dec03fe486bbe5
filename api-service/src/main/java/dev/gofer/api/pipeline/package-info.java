/** Pipelines and their config versions: registration, validation, the live version. */
package dev.gofer.api.pipeline;
