/** The auth service's encryption as the broker calls it, guarded like every hop. */
package dev.jmicro.broker.crypto.control;
