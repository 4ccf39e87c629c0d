-- Reviewing's own table (review/ReviewAssignments): which reviewer holds a record, so two
-- reviewers do not work on the same one. One holder per record at most (the primary key); a
-- take-over replaces the holder only if it is still the one the reviewer saw (a conditional update).
-- The row stays after the decision: the decided tab shows who held the record.

create table review_assignment (
    record_id bigint      primary key references submission_record (id),
    reviewer  text        not null,
    taken_at  timestamptz not null
);

-- the queue's order (records/RecordSearch), per status: a page of the queue is read off the index
-- and stops after its LIMIT instead of sorting every record of the status
create index submission_record_queue on submission_record
    (status, violations desc, flags desc, departure asc nulls last, activity_start asc, id asc);
-- the decided tab asks for three statuses at once, which the index above cannot give in order; this
-- one holds exactly those records in the queue's order
create index submission_record_queue_decided on submission_record
    (violations desc, flags desc, departure asc nulls last, activity_start asc, id asc)
    where status in ('ACCEPTED', 'APPROVED', 'REJECTED');
