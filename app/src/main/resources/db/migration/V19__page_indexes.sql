-- The pages with 100,000 records (docs/performance.md, "Pages with 100,000 records"; checked with
-- EXPLAIN ANALYZE on a database filled by the seed command). The reviewers' queue index
-- (submission_record_queue) is made by V12, with the review pages.
--
-- A record page lists the files of each version: without this, every attachment is read.
create index attachment_version on attachment (version_id);
