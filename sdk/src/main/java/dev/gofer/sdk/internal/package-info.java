/** Implementation details of the SDK (wire records, JSON, validation, HTTP helpers); not a public API. */
package dev.gofer.sdk.internal;
