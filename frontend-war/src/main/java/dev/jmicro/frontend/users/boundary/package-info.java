/** The user administration page (admins only): list, create, change, deactivate and delete users through the broker. */
package dev.jmicro.frontend.users.boundary;
