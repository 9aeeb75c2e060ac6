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

    /**
     * Replaces a user's password hash by a stronger one of the same password, unless the hash changed meanwhile (a
     * password change in between wins).
     */
    @Transactional
    public void upgradeHash(long id, String oldHash, String newHash) {
        entities.createNamedQuery(User.UPGRADE_HASH)
                .setParameter("id", id)
                .setParameter("oldHash", oldHash)
                .setParameter("newHash", newHash)
                .executeUpdate();
    }

    @Transactional
    public User add(User user) {
        entities.persist(user);
        return user;
    }
}
