package dev.jmicro.auth.users.control;

import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Users in PostgreSQL through Jakarta Persistence. */
@ApplicationScoped
public class UserStore {

    @PersistenceContext(unitName = "auth")
    EntityManager entities;

    /**
     * The user with this e-mail address, whatever its case. In a transaction of its own, so the pooled connection goes
     * back at commit: outside one, Liberty keeps it until the request ends, across the ~85 ms password check.
     */
    @Transactional
    public Optional<User> byEmail(String email) {
        return entities.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    @Transactional
    public User add(User user) {
        entities.persist(user);
        return user;
    }
}
