/** Sign-in and sign-out, and the filter that keeps the protected pages for signed-in users. */
package dev.jmicro.frontend.session.boundary;
