/** Background work: a single-threaded worker whose wake-ups coalesce. */
package dev.gofer.support.work;
