-- The school's "my records" page (records/SchoolRecords): each to-do group of one school, one page
-- at a time, newest or soonest first, without reading the school's other records.
create index submission_record_school_status on submission_record (school_code, status, updated_at desc);
create index status_history_record_action on status_history (record_id, action, id);
