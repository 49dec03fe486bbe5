/** The reactive-messaging channel names of api-service (topics, groups and failure strategies in application.properties). */
package dev.gofer.api.common.messaging;
