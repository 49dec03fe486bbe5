/** The transit key every service that seals or opens values in transit reads the same way. */
package dev.gofer.support.transit;
