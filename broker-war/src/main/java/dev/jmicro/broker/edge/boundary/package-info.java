/** What every request meets at the edge: its request id, and its latency and outcome by route. */
package dev.jmicro.broker.edge.boundary;
