/** Run-object expiry: records runs idempotently and deletes the objects of runs with enough newer runs. */
package dev.gofer.store.run.service;
