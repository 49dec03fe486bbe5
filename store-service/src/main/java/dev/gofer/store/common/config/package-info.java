/** Configuration of store-service: the gofer.store.* mapping and the transit sealer. */
package dev.gofer.store.common.config;
