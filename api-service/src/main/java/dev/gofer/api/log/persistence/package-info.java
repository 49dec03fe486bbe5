/** Log-line storage, written and read with plain JDBC in pages. */
package dev.gofer.api.log.persistence;
