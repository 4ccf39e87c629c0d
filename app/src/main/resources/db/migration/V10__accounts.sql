-- Accounts and access (account/): schools, their accounts and roles, the password history the
-- handbook's rules need (參(三)(二)), API tokens for schools' systems, and each school's contact
-- persons (聯絡窗口登錄).

create table school (
    code       varchar(32)  primary key,
    name       text         not null,
    created_at timestamptz  not null
);

create table account (
    id                  bigserial    primary key,
    username            varchar(254) not null unique,  -- the account's e-mail address, as typed at login
    display_name        text         not null,
    school_code         varchar(32)  references school (code),
    -- comma-separated roles: SCHOOL_USER, SCHOOL_ADMIN, REVIEWER, POLICY_EDITOR, SYSTEM_ADMIN
    roles               text         not null,
    enabled             boolean      not null,
    password_hash       text         not null,
    password_changed_at timestamptz  not null,
    -- an administrator set this password (new account, reset): the next login must change it
    must_change         boolean      not null,
    failed_logins       integer      not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz  not null
);
create index account_school on account (school_code);

-- Earlier passwords, for "not one of the last 3".
create table password_history (
    id         bigserial   primary key,
    account_id bigint      not null references account (id),
    hash       text        not null,
    changed_at timestamptz not null
);
create index password_history_account on password_history (account_id, id);

-- A token acts as its account; only its SHA-256 is kept (the token is shown once).
create table api_token (
    id         bigserial    primary key,
    account_id bigint       not null references account (id),
    name       text         not null,
    sha256     varchar(64)  not null unique,
    created_by text         not null,
    created_at timestamptz  not null,
    revoked_at timestamptz
);
create index api_token_account on api_token (account_id);

-- 聯絡窗口登錄: the school's contact persons, who receive the mail of every filing.
create table school_contact (
    id          bigserial   primary key,
    school_code varchar(32) not null references school (code),
    name        text        not null,
    title       text,
    email       text        not null,
    phone       text
);
create index school_contact_school on school_contact (school_code);
