/** The orchestrator: run creation, environment assembly, DAG advancement, completion. */
package dev.gofer.api.run.service;
