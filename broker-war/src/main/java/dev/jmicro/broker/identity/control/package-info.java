/** Whether a signed token's user may still act: asked of auth, remembered for a short, configured time. */
package dev.jmicro.broker.identity.control;
