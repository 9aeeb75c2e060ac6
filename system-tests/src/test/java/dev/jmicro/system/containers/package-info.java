/**
 * The system in containers: the images built from docker/, the compose stack started with podman, and the whole
 * system tested through its published ports ({@code ./mvnw -pl system-tests -Pcontainers verify}).
 */
package dev.jmicro.system.containers;
