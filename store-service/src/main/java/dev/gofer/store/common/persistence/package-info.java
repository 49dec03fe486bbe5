/** Transaction-scoped advisory locks of store-service (after-commit actions come from service-support). */
package dev.gofer.store.common.persistence;
