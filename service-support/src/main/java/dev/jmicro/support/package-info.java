/** Plumbing every service shares: the info endpoint and RFC 9457 problem answers; no business types. */
package dev.jmicro.support;
