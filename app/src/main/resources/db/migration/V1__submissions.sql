-- Submissions kept by StraitCheck: records (a registration or an announcement, with its 收件號),
-- every version of a record (the original, each change notice, resubmission and post-activity
-- report) with the check that judged it, the findings, an append-only history of status moves,
-- idempotency keys, attachments, and the mail outbox.

-- 收件號: <ROC date yyyMMdd>-<number of the day, 6 digits>, e.g. 1151121-000042.
create table receipt_counter (
    day         date    primary key,
    last_number integer not null
);

create table submission_record (
    id                   bigserial    primary key,
    receipt              varchar(16)  not null unique,
    type                 varchar(32)  not null check (type in ('EXCHANGE_ACTIVITY', 'ANNOUNCEMENT')),
    status               varchar(16)  not null check (status in ('ACCEPTED', 'IN_REVIEW', 'RETURNED', 'REJECTED', 'WITHDRAWN')),
    school_code          varchar(32)  not null,
    school_name          text         not null,
    activity_name        text         not null,
    activity_start       date,
    activity_end         date,
    departure            date,
    return_date          date,
    current_version      integer      not null,
    verdict              varchar(16)  not null,
    violations           integer      not null,
    flags                integer      not null,
    post_report_filed_on date,
    contact_emails       text         not null default '',  -- the school's contacts (leaders' e-mail), comma-separated
    filed_by             text         not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    lock_version         bigint       not null
);
create index submission_record_status on submission_record (status);
create index submission_record_school on submission_record (school_code);

create table submission_version (
    id               bigserial   primary key,
    record_id        bigint      not null references submission_record (id),
    number           integer     not null,
    kind             varchar(32) not null check (kind in ('REGISTRATION', 'CHANGE', 'RESUBMISSION', 'POST_ACTIVITY_REPORT', 'ANNOUNCEMENT')),
    submitted        jsonb       not null,  -- the submission as received (attachment text included)
    registration     jsonb,                 -- for a registration: how it stands after this version
    as_of            date        not null,
    verdict          varchar(16) not null,
    rulebase_version varchar(64) not null,
    result           jsonb       not null,  -- the check's response as returned
    submitted_by     text        not null,
    created_at       timestamptz not null,
    unique (record_id, number)
);

create table finding (
    id            bigserial   primary key,
    record_id     bigint      not null references submission_record (id),
    version_id    bigint      not null references submission_version (id),
    rule_id       varchar(64) not null,
    kind          varchar(16) not null,
    due           date,
    subject       text,
    field         text,
    keyword       text,
    body          jsonb       not null,
    review_state  varchar(16) check (review_state in ('CONFIRMED', 'FALSE_POSITIVE')),
    review_note   text,
    reviewed_by   text,
    reviewed_at   timestamptz
);
create index finding_record on finding (record_id);
create index finding_rule on finding (rule_id);

create table status_history (
    id             bigserial   primary key,
    record_id      bigint      not null references submission_record (id),
    at             timestamptz not null,
    actor          text        not null,
    action         varchar(32) not null,
    from_status    varchar(16),
    to_status      varchar(16) not null,
    version_number integer,
    comment        text
);
create index status_history_record on status_history (record_id);

-- The history is append-only: what happened stays as it happened.
create function status_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'status_history is append-only';
end;
$$;
create trigger status_history_append_only before update or delete on status_history
    for each row execute function status_history_is_append_only();

create table idempotency_key (
    key          varchar(200) primary key,
    request_hash varchar(64)  not null,
    receipt      varchar(16),
    response     jsonb,
    created_at   timestamptz  not null
);

create table attachment (
    id             bigserial   primary key,
    version_id     bigint      not null references submission_version (id),
    field          varchar(32) not null,   -- itineraryText | attachmentText
    filename       text        not null,
    content_type   varchar(64) not null,
    size_bytes     integer     not null,
    sha256         varchar(64) not null,
    content        bytea       not null,
    extracted_text text        not null,
    created_at     timestamptz not null
);

-- Mail is written here in the same transaction as the record, and sent by a worker.
create table outbox (
    id              bigserial    primary key,
    record_id       bigint       references submission_record (id),
    purpose         varchar(48)  not null,  -- e.g. SUBMITTED, REMINDER_DAY_20
    dedup_key       varchar(200) not null unique,
    recipients      text         not null,  -- comma-separated addresses
    subject         text         not null,
    body            text         not null,
    status          varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create index outbox_pending on outbox (next_attempt_at) where status = 'PENDING';
