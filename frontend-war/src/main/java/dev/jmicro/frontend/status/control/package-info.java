/** Each service's request rate, error ratio and latency from Prometheus, for the status page's charts. */
package dev.jmicro.frontend.status.control;
