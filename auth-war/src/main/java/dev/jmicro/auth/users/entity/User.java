package dev.jmicro.auth.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A user as stored in table {@code users}; the password field holds a bcrypt hash, never the password. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where lower(u.email) = lower(:email)")
@NamedQuery(
        name = User.UPGRADE_HASH,
        query = "update User u set u.passwordHash = :newHash where u.id = :id and u.passwordHash = :oldHash")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String UPGRADE_HASH = "User.upgradeHash";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName = "";

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName = "";

    @Column(name = "password", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "user_active", nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected User() {}

    public User(String email, String firstName, String lastName, String passwordHash, boolean admin) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = passwordHash;
        this.admin = admin;
    }

    @PrePersist
    void created() {
        createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public boolean admin() {
        return admin;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void deactivate() {
        active = false;
    }

    public void change(String email, String firstName, String lastName, boolean active, boolean admin) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.active = active;
        this.admin = admin;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
