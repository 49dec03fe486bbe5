/** The shared ArchUnit rules: every service and shared library runs them on its own classes. */
package dev.gofer.testsupport.architecture;
