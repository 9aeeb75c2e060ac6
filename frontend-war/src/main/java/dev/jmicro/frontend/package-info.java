/** The frontend service: the Jakarta Faces web UI for people. */
package dev.jmicro.frontend;
