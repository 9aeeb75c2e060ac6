/** Starts, watches and stops the Open Liberty server processes of the services. */
package dev.jmicro.localstack.liberty;
