package dev.jmicro.logger.entries.boundary;

import com.mongodb.MongoException;
import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * MongoDB failed a request (away, timed out, refused): a 503 problem with {@code Retry-After}, as the gRPC path answers
 * UNAVAILABLE, so that a client and the broker's retries see the store's failure rather than a 500 of the logger's own.
 * A write that met an existing idempotency key never gets here: the log book answers it as stored.
 */
@Provider
public class MongoUnavailableMapper implements ExceptionMapper<MongoException> {

    private static final Logger LOG = Logger.getLogger(MongoUnavailableMapper.class.getName());

    @Override
    public Response toResponse(MongoException failure) {
        LOG.log(Level.WARNING, "MongoDB failed a request", failure);
        return Problem.of(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "MongoDB did not complete the request ("
                                + failure.getClass().getSimpleName() + ")")
                .toResponseRetryingAfter(5);
    }
}
