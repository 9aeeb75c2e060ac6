/** The auth service: users in PostgreSQL, hashed passwords, signed tokens. */
package dev.jmicro.auth;
