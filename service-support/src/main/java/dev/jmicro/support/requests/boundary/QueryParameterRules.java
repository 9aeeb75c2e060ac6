package dev.jmicro.support.requests.boundary;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * The rule that every query parameter keeps, whatever its operation: no U+0000 ({@code ?q=%00}), which PostgreSQL
 * cannot compare and MongoDB cannot put in a pattern. Refused with a 400 naming the parameter, before any resource
 * runs; Liberty itself refuses an encoded NUL in a path. In a body U+0000 is refused only by the fields that
 * PostgreSQL stores (auth's), since other texts, such as a plaintext to encrypt, may hold it.
 */
@Provider
@PreMatching
public class QueryParameterRules implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().getRawQuery() == null) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                request.abortWith(
                        Problem.invalid(parameter.getKey().replace('\u0000', '?'), "must not hold the character U+0000")
                                .toResponse());
                return;
            }
        }
    }
}
