/** store-service: pipeline and global secrets (encrypted at rest), pipeline and run objects, resolution of task-run references. */
package dev.gofer.store;
