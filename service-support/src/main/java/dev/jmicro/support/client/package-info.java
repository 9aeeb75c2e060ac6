/** The client address of a request, believing {@code X-Forwarded-For} only from trusted proxies. */
package dev.jmicro.support.client;
