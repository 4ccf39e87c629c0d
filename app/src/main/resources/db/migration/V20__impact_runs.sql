-- Impact runs of rulebase drafts (issue 10), kept so that every instance behind the load balancer,
-- and this one after a restart, shows the last run of a draft: its progress while it runs (the
-- counters written about once a second by the instance running it, with a heartbeat in database
-- time), then its summary and the records that would change, written in one transaction.
-- A RUNNING run whose heartbeat is older than a minute has lost its instance: the next instance to
-- see it marks it FAILED, 'interrupted'. A run is CANCELLED by an editor on any instance.

create table impact_run (
    id               bigserial    primary key,  -- in the order they were started: the last is a draft's highest
    run_id           uuid         not null unique,  -- as the API names it
    draft_id         bigint       not null references rulebase_version (id),
    state            varchar(16)  not null check (state in ('RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    all_records      boolean      not null,  -- false: only the records whose activity has not ended on today
    today            date         not null,  -- in Asia/Taipei, when it started
    done             bigint       not null default 0,
    total            bigint       not null default 0,
    draft_version    varchar(64),            -- both known once the run has read the versions
    in_force_version varchar(64),
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    instance_id      uuid         not null,  -- the instance running it
    heartbeat_at     timestamptz  not null,  -- database time of its last progress update
    failure          text,
    summary          jsonb,                  -- Impact.Summary, when DONE
    check (state = 'RUNNING' or finished_at is not null),
    check (state <> 'DONE' or summary is not null)
);
create index impact_run_draft on impact_run (draft_id, id desc);
-- one run at a time per draft, on whichever instance
create unique index impact_run_one_running on impact_run (draft_id) where state = 'RUNNING';

-- The records a finished run found changed, in receipt order; the page reads them by ordinal.
create table impact_changed (
    run_id  bigint  not null references impact_run (id) on delete cascade,
    ordinal integer not null,  -- from 0
    receipt text    not null,
    changed jsonb   not null,  -- SideBySide.Changed: verdict before and after, each finding that changes and its rule
    primary key (run_id, ordinal)
);
