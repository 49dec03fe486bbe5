/** Small concurrency helpers shared by api-service's background workers. */
package dev.gofer.api.common.service;
