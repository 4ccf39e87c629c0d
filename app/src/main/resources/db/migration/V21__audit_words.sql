-- The audit log's "what" (and the system's "why") in both languages: what and why stay as they were
-- (English for what the service writes, as typed for a person's reason); what_zh and why_zh hold the
-- zh-TW words. Older entries have none and are shown as written. Adding columns updates no row, so
-- the append-only trigger is not involved.
alter table rulebook_audit add column what_zh text, add column why_zh text;
