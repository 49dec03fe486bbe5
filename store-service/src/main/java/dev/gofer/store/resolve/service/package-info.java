/** Resolution of whole-value references in a task run's variables into a ready or failed event. */
package dev.gofer.store.resolve.service;
