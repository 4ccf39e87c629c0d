-- Cases kept with a rulebase draft (issue 10): case files in the format of test-cases/ that run with
-- the packaged corpus against the draft, such as a reviewer's false positive turned into a case.
create table draft_case (
    version_id bigint      not null references rulebase_version (id),
    name       text        not null,  -- its file name, e.g. false-positive-1151121-000042.yaml
    content    text        not null,  -- the case file, YAML
    added_by   text        not null,
    added_at   timestamptz not null,
    primary key (version_id, name)
);
