/** What every feature of api-service shares: its settings and its channel names. */
package dev.gofer.api.common;
