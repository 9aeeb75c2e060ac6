package dev.jmicro.frontend.web.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends the browser to another address of this application and ends the Faces request there. */
public final class Redirects {

    private Redirects() {}

    /** {@code address} relative to the application, e.g. {@code logs.xhtml?page=2}. */
    public static void to(String address) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + "/" + address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
