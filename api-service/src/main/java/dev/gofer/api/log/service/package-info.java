/** Storing, paging, following and expiring task logs. */
package dev.gofer.api.log.service;
