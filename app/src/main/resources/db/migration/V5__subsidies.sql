-- Subsidy applications (SUBSIDY 教育部補助辦理兩岸(含港澳)學術教育交流活動實施要點) are records of their own,
-- decided by a reviewer as APPROVED with the approved amount (核定金額); their results reports
-- (成果報告) are versions of that record.

alter table submission_record drop constraint submission_record_type_check;
alter table submission_record add constraint submission_record_type_check
    check (type in ('EXCHANGE_ACTIVITY', 'ANNOUNCEMENT', 'SUBSIDY_APPLICATION'));

alter table submission_record drop constraint submission_record_status_check;
alter table submission_record add constraint submission_record_status_check
    check (status in ('ACCEPTED', 'IN_REVIEW', 'RETURNED', 'REJECTED', 'WITHDRAWN', 'APPROVED'));

alter table submission_record add column approved_amount bigint check (approved_amount >= 0);

alter table submission_version drop constraint submission_version_kind_check;
alter table submission_version add constraint submission_version_kind_check
    check (kind in ('REGISTRATION', 'CHANGE', 'RESUBMISSION', 'POST_ACTIVITY_REPORT', 'ANNOUNCEMENT',
                    'SUBSIDY_APPLICATION', 'RESULTS_REPORT'));

-- the applicant's stored records, read as history facts when a subsidy application is checked
create index submission_record_school_type on submission_record (school_code, type);
