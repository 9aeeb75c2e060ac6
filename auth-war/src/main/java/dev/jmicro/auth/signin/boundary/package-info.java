/** Sign-in: the original /authenticate contract, token issue and the published verification keys. */
package dev.jmicro.auth.signin.boundary;
