-- Retention of everything personal. One purge erases or anonymises every personal field
-- a set number of days after the visit, appointment or workshop session ends (or, for a
-- cancelled one, after it was cancelled): the rows stay, without the person, so reports
-- keep their counts. Each run is kept, so managers can see when it last ran.
alter table bookings add column anonymized_at timestamptz;
alter table workshop_enrolments add column anonymized_at timestamptz;
create index bookings_for_retention on bookings (ends_at) where anonymized_at is null;
create index enrolments_for_retention on workshop_enrolments (session_id) where anonymized_at is null;
create index outbox_for_retention on outbox (created_at) where to_address <> '';
create index contact_reads_for_retention on contact_reads (read_at) where person <> '';

create table purge_runs (
    id bigserial primary key,
    ran_at timestamptz not null default now(),
    -- Everything that ended before this was erased.
    cutoff timestamptz not null,
    visits integer not null,
    bookings integer not null,
    enrolments integer not null,
    emails integer not null,
    audit_names integer not null
);
