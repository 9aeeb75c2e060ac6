/** REST endpoints about users. */
package dev.jmicro.auth.users.boundary;
