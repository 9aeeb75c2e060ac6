package dev.jmicro.auth.users.control;

import dev.jmicro.auth.users.entity.Revocation;
import dev.jmicro.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What administrators do with users, and what users do with their own password. Every change is one transaction;
 * e-mail addresses stay unique whatever their case, passwords obey the minimum length, and there is always at least
 * one active administrator: deactivating, demoting or deleting the last one is refused. Deactivating, demoting,
 * deleting a user or setting a new password for them revokes their tokens issued so far.
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

    /**
     * One page of users by id; {@code search}, when given, keeps those whose address or name contains it (any case).
     * The text is matched literally: its {@code %} and {@code _} are escaped, not wildcards.
     */
    public Page page(int page, int size, String search) {
        boolean all = search == null || search.isBlank();
        String where = all
                ? ""
                : " where lower(u.email) like :text escape '!' or lower(u.firstName) like :text escape '!'"
                        + " or lower(u.lastName) like :text escape '!'";
        TypedQuery<User> users = entities.createQuery("select u from User u" + where + " order by u.id", User.class);
        TypedQuery<Long> total = entities.createQuery("select count(u) from User u" + where, Long.class);
        if (!all) {
            String text = "%" + search.strip().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
            users.setParameter("text", text);
            total.setParameter("text", text);
        }
        return new Page(users.setFirstResult(page * size).setMaxResults(size).getResultList(), total.getSingleResult());
    }

    public User find(long id) {
        User user = entities.find(User.class, id);
        if (user == null) {
            throw new UserRefusal(UserRefusal.Reason.NO_SUCH_USER, "no user with id " + id);
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
        if (!active || !admin) {
            requireAnotherActiveAdmin(user, "deactivated or demoted");
        }
        boolean lessAllowed = (user.active() && !active) || (user.admin() && !admin);
        user.change(email, firstName, lastName, active, admin);
        if (lessAllowed) {
            revokeTokens(id); // the tokens still say active, or admin
        }
        return user;
    }

    @Transactional
    public User deactivate(long id) {
        User user = find(id);
        requireAnotherActiveAdmin(user, "deactivated");
        user.deactivate();
        revokeTokens(id);
        return user;
    }

    @Transactional
    public void delete(long id) {
        User user = find(id);
        requireAnotherActiveAdmin(user, "deleted");
        entities.remove(user);
        revokeTokens(id);
    }

    /** An administrator sets a new password for a user (who forgot theirs); the old one stops working at once. */
    @Transactional
    public User resetPassword(long id, String password) {
        User user = find(id);
        user.changePasswordHash(hasher.hash(checked(password)));
        revokeTokens(id); // whoever knew the old password may hold a token
        return user;
    }

    /** Revocations newer than {@code since}: tokens issued before them are refused (the broker asks). */
    public List<Revocation> revocationsSince(OffsetDateTime since) {
        return entities.createNamedQuery(Revocation.SINCE, Revocation.class)
                .setParameter("since", since)
                .getResultList();
    }

    /** Every token of the user issued until now stops working (at the broker within its recheck time). */
    private void revokeTokens(long id) {
        entities.merge(new Revocation(id, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The rule every new password must pass, for forms to show before the first try. */
    public int minPasswordLength() {
        return minPasswordLength;
    }

    /** A user changes their own password, knowing the current one. */
    @Transactional
    public void changePassword(long id, String current, String replacement) {
        User user = find(id);
        if (!hasher.matches(current, user.passwordHash())) {
            throw new UserRefusal(UserRefusal.Reason.WRONG_CURRENT_PASSWORD, "current_password is not right");
        }
        user.changePasswordHash(hasher.hash(checked(replacement)));
    }

    private String checked(String password) {
        if (password.length() < minPasswordLength) {
            throw new UserRefusal(
                    UserRefusal.Reason.WEAK_PASSWORD, "at least " + minPasswordLength + " characters are needed");
        }
        return password;
    }

    /**
     * Refuses the change when {@code user} is the last active administrator. The active administrators' rows are
     * locked first, so two administrators removing each other at the same moment cannot both succeed.
     */
    private void requireAnotherActiveAdmin(User user, String what) {
        if (!user.active() || !user.admin()) {
            return;
        }
        List<User> admins = entities.createQuery(
                        "select u from User u where u.active = true and u.admin = true", User.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (admins.stream().noneMatch(other -> !other.id().equals(user.id()))) {
            throw new UserRefusal(
                    UserRefusal.Reason.LAST_ADMINISTRATOR, "the last active administrator cannot be " + what);
        }
    }

    private void requireFree(String email, Long exceptId) {
        store.byEmail(email).filter(other -> !other.id().equals(exceptId)).ifPresent(other -> {
            throw new UserRefusal(UserRefusal.Reason.EMAIL_TAKEN, "a user with e-mail " + email + " exists already");
        });
    }
}
