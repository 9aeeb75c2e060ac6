/** How a dependency's refusal and its unavailability reach the broker's client. */
package dev.jmicro.broker.downstream.boundary;
