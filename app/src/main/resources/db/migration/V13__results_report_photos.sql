-- 成果報告的活動照片 (RESULTS_SYSTEM 4-3 執行成果: 加入歷程之活動照片與說明, 以6張為限): each photo is
-- kept once, with its caption, and belongs to the results report versions that show it. A later
-- version keeps the earlier one's photos unless one was removed, so every version reads as filed.

create table results_report_photo (
    id           bigserial   primary key,
    record_id    bigint      not null references submission_record (id),
    caption      text        not null,
    filename     text        not null,
    content_type varchar(16) not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes   integer     not null check (size_bytes > 0 and size_bytes <= 5242880),
    width        integer     not null,
    height       integer     not null,
    sha256       varchar(64) not null,
    content      bytea       not null,
    created_at   timestamptz not null
);
create index results_report_photo_record on results_report_photo (record_id);

create table results_report_photo_version (
    id         bigserial primary key,
    version_id bigint    not null references submission_version (id),
    photo_id   bigint    not null references results_report_photo (id),
    position   integer   not null check (position between 1 and 6),
    unique (version_id, position),
    unique (version_id, photo_id)
);
create index results_report_photo_version_version on results_report_photo_version (version_id);
