package dev.jmicro.support.problem.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jmicro.support.problem.entity.Problem;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class MalformedJsonMapperTest {

    private final MalformedJsonMapper mapper = new MalformedJsonMapper();

    @Test
    void theParsersFirstLineIsTheDetailWithoutThePackageLayout() {
        JsonbException exception = new JsonbException(
                "Incorrect position for processing type: class dev.jmicro.broker.original.boundary.HandleRequest."
                        + " Received event: START_ARRAY Allowed: [START_OBJECT]\nat line 2");

        Problem problem = (Problem) mapper.toResponse(exception).getEntity();

        assertEquals(400, problem.status());
        assertEquals(
                "Malformed JSON body: Incorrect position for processing type: HandleRequest. Received event:"
                        + " START_ARRAY Allowed: [START_OBJECT]",
                problem.detail());
    }

    @Test
    void numbersAndOrdinaryWordsStayAsTheyAre() {
        Problem problem = (Problem) mapper.toResponse(new JsonbException("expected a string, found 1.5e3 at a.b"))
                .getEntity();

        assertEquals("Malformed JSON body: expected a string, found 1.5e3 at a.b", problem.detail());
    }
}
