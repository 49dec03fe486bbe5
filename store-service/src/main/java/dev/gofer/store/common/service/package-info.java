/** Cross-cutting domain rules: the root exception and the key and id naming rules. */
package dev.gofer.store.common.service;
