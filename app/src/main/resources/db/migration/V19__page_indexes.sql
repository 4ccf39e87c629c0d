-- The pages with 100,000 records (docs/performance.md, "Pages with 100,000 records"; checked with
-- EXPLAIN ANALYZE on a database filled by the seed command).
--
-- The reviewers' queue (records/RecordSearch, /review and GET /api/review/queue) asks for one
-- status in its own order and takes a page: without this index PostgreSQL read every record and
-- sorted the 42,000 in review (430 ms); with it, it reads the first page in order.
create index submission_record_queue on submission_record
    (status, violations desc, flags desc, departure asc nulls last, activity_start asc, id asc);

-- A record page lists the files of each version: without this, every attachment is read.
create index attachment_version on attachment (version_id);
