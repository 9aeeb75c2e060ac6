package dev.jmicro.auth.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Every token of a user issued up to {@code revokedAt} is no longer to be taken; one row per user, the latest. */
@Entity
@Table(name = "token_revocations")
@NamedQuery(
        name = Revocation.SINCE,
        query = "select r from Revocation r where r.revokedAt > :since order by r.revokedAt")
public class Revocation {

    public static final String SINCE = "Revocation.since";

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "revoked_at", nullable = false)
    private OffsetDateTime revokedAt;

    protected Revocation() {}

    public Revocation(long userId, OffsetDateTime revokedAt) {
        this.userId = userId;
        this.revokedAt = revokedAt;
    }

    public long userId() {
        return userId;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }
}
