-- Rulebase versions (issue 10): the whole content of rules/ kept in the database, each version with
-- the version string its checks record (release + start of the files' digest, as rulebaseVersion),
-- who made it and why, and its state. A check applies the latest PUBLISHED version whose
-- effective_from is on or before its asOf (null: in force from the beginning, the seeded first one).

create table rulebase_version (
    id             bigserial    primary key,
    version        varchar(64)  not null,  -- of its files now; a draft's changes with each edit
    state          varchar(16)  not null check (state in ('DRAFT', 'APPROVED', 'PUBLISHED', 'RETIRED')),
    based_on       bigint       references rulebase_version (id),
    rollback_of    bigint       references rulebase_version (id),  -- a rollback: a copy of this earlier version
    effective_from date,
    author         text         not null,
    reason         text         not null,
    created_at     timestamptz  not null,
    approved_by    text,
    approved_at    timestamptz,
    published_by   text,
    published_at   timestamptz,
    check (state <> 'PUBLISHED' or published_at is not null),
    check (approved_by is null or approved_by <> author)
);
create index rulebase_version_state on rulebase_version (state);

create table rulebase_file (
    version_id bigint not null references rulebase_version (id),
    path       text   not null,
    content    bytea  not null,
    primary key (version_id, path)
);

-- Every step on the rulebook (seeded, draft made, file edited, approved, published, rolled back):
-- who, when, what, why. Append-only: the trigger refuses every UPDATE, DELETE and TRUNCATE.
create table rulebook_audit (
    id         bigserial    primary key,
    at         timestamptz  not null,
    actor      text         not null,
    action     varchar(32)  not null,
    version_id bigint,
    version    varchar(64),
    what       text         not null,
    why        text         not null
);
create index rulebook_audit_at on rulebook_audit (at);

create function rulebook_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rulebook_audit is append-only: % refused', tg_op;
end
$$;
create trigger rulebook_audit_no_update_or_delete before update or delete on rulebook_audit
    for each row execute function rulebook_audit_append_only();
create trigger rulebook_audit_no_truncate before truncate on rulebook_audit
    for each statement execute function rulebook_audit_append_only();
