/** Config validation (ids, DAG) and registration. */
package dev.gofer.api.pipeline.service;
