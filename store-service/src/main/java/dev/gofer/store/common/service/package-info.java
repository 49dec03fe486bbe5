/** Cross-cutting domain rules: the root exception, key and id naming rules, the coalescing background worker. */
package dev.gofer.store.common.service;
