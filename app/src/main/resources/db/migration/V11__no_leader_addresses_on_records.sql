-- Mail goes to the school's registered contacts, the filer, the ministry and the MAC (issue 7),
-- never to addresses typed into a submission: the leaders' addresses copied onto each record are
-- read by nothing, so they are no longer kept there (they stay in the version's submission).
alter table submission_record drop column contact_emails;
