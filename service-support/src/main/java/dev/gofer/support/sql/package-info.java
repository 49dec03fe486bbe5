/** Reading database errors the same way in every service. */
package dev.gofer.support.sql;
