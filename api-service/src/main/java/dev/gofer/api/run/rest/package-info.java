/** REST resources for runs, task runs and logs. */
package dev.gofer.api.run.rest;
