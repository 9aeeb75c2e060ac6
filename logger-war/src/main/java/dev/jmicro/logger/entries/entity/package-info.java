/** What the logger stores: one document per log entry in the {@code logs} collection. */
package dev.jmicro.logger.entries.entity;
