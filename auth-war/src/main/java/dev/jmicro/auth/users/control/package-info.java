/** User storage, password hashing, schema migrations and the seeded admin. */
package dev.jmicro.auth.users.control;
