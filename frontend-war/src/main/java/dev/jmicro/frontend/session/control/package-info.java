/** Who is signed in, held on the server only, and the caller of the page request being served. */
package dev.jmicro.frontend.session.control;
