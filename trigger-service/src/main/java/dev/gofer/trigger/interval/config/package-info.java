/** Settings of the interval trigger: minimum interval, sweep period, batch size. */
package dev.gofer.trigger.interval.config;
