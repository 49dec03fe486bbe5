/** Renewing leases, and whether lapsed ones may be judged yet. */
package dev.gofer.api.lease.service;
