/** Checking credentials and signing JSON Web Tokens. */
package dev.jmicro.auth.signin.control;
