-- The accommodation work-queue. The requests themselves stay where they were made (on
-- bookings, workshop enrolments and visits); this table keeps how far staff got with
-- each one and who handles it. A request with no row here is open.
create table accommodation_work (
    source text not null check (source in ('booking', 'enrolment', 'visit')),
    source_id bigint not null,
    need text not null,
    status text not null check (status in ('open', 'arranged', 'not_possible')),
    staff_id bigint references staff_users (id),
    updated_at timestamptz not null default now(),
    primary key (source, source_id, need)
);
