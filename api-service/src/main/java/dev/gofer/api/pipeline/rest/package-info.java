/** REST resources and request/response records for pipelines, configs and deployments. */
package dev.gofer.api.pipeline.rest;
