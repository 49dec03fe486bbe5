/** Config validation (ids, DAG), registration, deployments, pipeline state and deletion rules. */
package dev.gofer.api.pipeline.service;
