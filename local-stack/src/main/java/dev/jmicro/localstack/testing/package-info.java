/** What the integration tests share: a local stack per test class, and waiting without sleeps. */
package dev.jmicro.localstack.testing;
