/**
 * The rules every request meets before a resource sees it: one JSON value within the size limit, string fields that
 * take only JSON strings, no U+0000 in query parameters.
 */
package dev.jmicro.support.requests.boundary;
