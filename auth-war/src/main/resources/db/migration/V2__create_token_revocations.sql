-- Tokens are signed and checked without asking auth, so they live until they expire. A user deactivated, demoted,
-- deleted or given a new password by an administrator gets a row here: every token of theirs issued up to
-- revoked_at is refused by the broker (GET /tokens/revocations). No foreign key: the row outlives a deleted user.
create table token_revocations (
    user_id     bigint      primary key,
    revoked_at  timestamptz not null
);
