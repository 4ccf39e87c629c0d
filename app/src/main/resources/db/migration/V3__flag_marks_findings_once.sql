-- Reviewing owns the reviewers' marks on flags (review/), in a table of its own; a finding is
-- kept once, in finding (the version no longer repeats the check's findings in a result column).

create table flag_mark (
    finding_id bigint      primary key references finding (id),
    record_id  bigint      not null references submission_record (id),
    state      varchar(16) not null check (state in ('CONFIRMED', 'FALSE_POSITIVE')),
    note       text,
    marked_by  text        not null,
    marked_at  timestamptz not null
);
create index flag_mark_record on flag_mark (record_id);

insert into flag_mark (finding_id, record_id, state, note, marked_by, marked_at)
select id, record_id, review_state, review_note, reviewed_by, reviewed_at
from finding where review_state is not null;

alter table finding
    drop column review_state,
    drop column review_note,
    drop column reviewed_by,
    drop column reviewed_at;

alter table submission_version drop column result;

create index finding_version on finding (version_id);
