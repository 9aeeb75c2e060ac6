package dev.jmicro.broker.auth.control;

import dev.jmicro.broker.downstream.control.Refusal;

/** Auth's 401 to a sign-in: no active user with that address and password. */
public class InvalidCredentials extends Refusal {

    private static final long serialVersionUID = 1L;

    InvalidCredentials(Refusal answer) {
        super(answer.status(), answer.type(), answer.body(), answer.headers());
    }
}
