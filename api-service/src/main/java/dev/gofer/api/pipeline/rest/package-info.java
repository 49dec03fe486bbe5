/** REST resources and request/response records for pipelines and configs. */
package dev.gofer.api.pipeline.rest;
