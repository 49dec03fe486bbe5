/** The local stack launcher: a real KRaft broker, an embedded PostgreSQL and the four services as processes. */
package dev.gofer.local;
