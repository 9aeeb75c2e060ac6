/** Writing, finding and expiring log entries through Jakarta NoSQL. */
package dev.jmicro.logger.entries.control;
