-- Reminders and the outbox list (notification/).

-- The daily reminder job: exchange activities whose activity has ended and whose post-activity
-- report is not filed.
create index submission_record_awaiting_report on submission_record (activity_end)
    where type = 'EXCHANGE_ACTIVITY' and post_report_filed_on is null;

-- GET /api/outbox?receipt=…: a record's mail.
create index outbox_record on outbox (record_id);

-- GET /api/outbox?status=…: newest first.
create index outbox_status on outbox (status, id);
