package dev.jmicro.auth.users.control;

import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What administrators do with users, and what users do with their own password. Every change is one transaction;
 * e-mail addresses stay unique whatever their case, and passwords obey the minimum length.
 */
@ApplicationScoped
public class UserDirectory {

    /** One page of users, and how many there are in all. */
    public record Page(List<User> users, long total) {}

    @PersistenceContext(unitName = "auth")
    EntityManager entities;

    @Inject
    UserStore store;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "auth.password.min-length")
    int minPasswordLength;

    public Page page(int page, int size) {
        List<User> users = entities.createQuery("select u from User u order by u.id", User.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total =
                entities.createQuery("select count(u) from User u", Long.class).getSingleResult();
        return new Page(users, total);
    }

    public User find(long id) {
        User user = entities.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("no user with id " + id);
        }
        return user;
    }

    @Transactional
    public User create(String email, String firstName, String lastName, String password, boolean admin) {
        requireFree(email, null);
        return store.add(new User(email, firstName, lastName, hasher.hash(checked(password)), admin));
    }

    @Transactional
    public User update(long id, String email, String firstName, String lastName, boolean active, boolean admin) {
        User user = find(id);
        requireFree(email, id);
        user.change(email, firstName, lastName, active, admin);
        return user;
    }

    @Transactional
    public User deactivate(long id) {
        User user = find(id);
        user.deactivate();
        return user;
    }

    @Transactional
    public void delete(long id) {
        entities.remove(find(id));
    }

    /** A user changes their own password, knowing the current one. */
    @Transactional
    public void changePassword(long id, String current, String replacement) {
        User user = find(id);
        if (!hasher.matches(current, user.passwordHash())) {
            throw new BadRequestException("current_password is not right");
        }
        user.changePasswordHash(hasher.hash(checked(replacement)));
    }

    private String checked(String password) {
        if (password.length() < minPasswordLength) {
            throw new BadRequestException("password: at least " + minPasswordLength + " characters are needed");
        }
        return password;
    }

    private void requireFree(String email, Long exceptId) {
        store.byEmail(email).filter(other -> !other.id().equals(exceptId)).ifPresent(other -> {
            throw new ClientErrorException("a user with e-mail " + email + " exists already", Response.Status.CONFLICT);
        });
    }
}
