package dev.jmicro.support.problem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class WebApplicationExceptionMapperTest {

    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();

    @Test
    void unknownPathBecomesA404ProblemWithTheReasonPhrase() {
        Response answer = mapper.toResponse(new NotFoundException());

        assertEquals(404, answer.getStatus(), "status");
        assertEquals(Problem.PROBLEM_JSON, answer.getMediaType(), "media type");
        Problem problem = (Problem) answer.getEntity();
        assertEquals(new Problem("about:blank", "Not Found", 404, "Not Found"), problem);
    }

    @Test
    void runtimeInternalsAreNotPassedToTheClient() {
        Response answer = mapper.toResponse(
                new NotFoundException("RESTEASY003210: Could not find resource for full path: http://x/nope"));

        assertEquals("Not Found", ((Problem) answer.getEntity()).detail());
    }

    @Test
    void developersMessageIsTheDetail() {
        Response answer = mapper.toResponse(new NotFoundException("no log entry 42"));

        assertEquals("no log entry 42", ((Problem) answer.getEntity()).detail());
    }

    @Test
    void allowHeaderOfA405Survives() {
        Response answer = mapper.toResponse(new NotAllowedException(
                Response.status(405).allow("GET", "POST").build()));

        assertEquals(405, answer.getStatus(), "status");
        String allow = String.join(",", answer.getStringHeaders().get("Allow"));
        assertTrue(allow.contains("GET") && allow.contains("POST"), "Allow header kept: " + allow);
    }

    @Test
    void anExistingProblemPassesThroughUnchanged() {
        Problem own = new Problem("urn:jmicro:locked", "Account locked", 423, "try again in 60 s");
        Response answer = mapper.toResponse(new jakarta.ws.rs.WebApplicationException(own.toResponse()));

        assertEquals(own, answer.getEntity());
        assertEquals(423, answer.getStatus());
    }

    @Test
    void aParameterThatCannotBeConvertedIsA400NamingIt() {
        Response answer = mapper.toResponse(new NotFoundException(
                "RESTEASY003870: Unable to extract parameter from http request: jakarta.ws.rs.QueryParam(\"size\")"
                        + " value is 'abc'",
                new NumberFormatException("For input string: \"abc\"")));

        assertEquals(400, answer.getStatus(), "status");
        Problem problem = (Problem) answer.getEntity();
        assertEquals("size: is not of the documented type", problem.detail());
        assertEquals("size", problem.errors().get(0).field());
    }
}
