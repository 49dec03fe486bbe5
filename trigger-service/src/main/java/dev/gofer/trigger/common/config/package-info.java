/** Configuration shared by every trigger kind: how run requests are published. */
package dev.gofer.trigger.common.config;
