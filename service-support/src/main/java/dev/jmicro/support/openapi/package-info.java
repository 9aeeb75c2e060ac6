/** What every service's OpenAPI document says alike: the problem answers and the request limits. */
package dev.jmicro.support.openapi;
