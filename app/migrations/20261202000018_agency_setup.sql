-- Agency setup without the demo seed. Admins create and edit centers (with the contact
-- details visitors see) and retire them; a retired center takes no new bookings and is
-- no longer listed to the public, while its past stays for the reports. A service can be
-- switched off at a center and keeps its settings for when it is switched on again.
alter table centers add column address text not null default '';
alter table centers add column phone text not null default '';
alter table centers add column email text not null default '';
alter table centers add column retired_at timestamptz;

alter table center_services add column offered boolean not null default true;

-- Every setup change, with who made it and when: what it was about (`subject`, such as
-- `center:gresham`) and what changed, in words an auditor can read.
create table setup_changes (
    id bigserial primary key,
    staff_id bigint references staff_users (id),
    changed_at timestamptz not null default now(),
    subject text not null,
    summary text not null
);
create index setup_changes_by_time on setup_changes (changed_at desc, id desc);
