/** Settings of api-service, as one config mapping. */
package dev.gofer.api.common.config;
