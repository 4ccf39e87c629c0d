-- Forgotten password by mail (account/PasswordResets), as the immigration agency's system (seed 003)
-- offers it: a single-use link whose token is kept only as its SHA-256. A token works while it is
-- unused, unexpired, the newest of its account, and issued after the account's last password change.
create table password_reset (
    id         bigserial   primary key,
    account_id bigint      not null references account (id),
    sha256     varchar(64) not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_account on password_reset (account_id, id);

-- The school administrator's token list shows when each token was last used (account/TokenAuthentication).
alter table api_token add column last_used_at timestamptz;
