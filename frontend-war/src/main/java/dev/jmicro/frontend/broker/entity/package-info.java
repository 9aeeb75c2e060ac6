/** What a call to the broker is: on whose behalf it goes and what was sent and received. */
package dev.jmicro.frontend.broker.entity;
