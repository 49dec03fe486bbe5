/** REST resources for runs and task runs: start, list, get, cancel. */
package dev.gofer.api.run.rest;
