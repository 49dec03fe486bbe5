/** The interval trigger: parsing every, computing due times and the sweep that fires them. */
package dev.gofer.trigger.interval.service;
