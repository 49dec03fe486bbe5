/** Pipelines and their config versions: registration, validation, deployments (the live version), deletion. */
package dev.gofer.api.pipeline;
