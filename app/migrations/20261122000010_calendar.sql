-- The staff calendar: an appointment goes on from arrived to in progress and completed
-- (or no-show), can be assigned to a staff member and carry a short note; every such
-- change is kept with who made it and when. Every staff read of a person's contact
-- details is logged for managers.
alter table bookings drop constraint bookings_status_check;
alter table bookings add constraint bookings_status_check check (status in (
    'booked', 'arrived', 'in_progress', 'completed', 'no_show', 'cancelled'));
alter table bookings add column staff_id bigint references staff_users (id);
alter table bookings add column note text not null default '';

create table booking_changes (
    id bigserial primary key,
    booking_id bigint not null references bookings (id) on delete cascade,
    staff_id bigint references staff_users (id),
    changed_at timestamptz not null default now(),
    what text not null check (what in ('status', 'staff', 'note')),
    old_value text not null,
    new_value text not null
);
create index booking_changes_by_booking on booking_changes (booking_id, id);

create table contact_reads (
    id bigserial primary key,
    staff_id bigint not null references staff_users (id),
    read_at timestamptz not null default now(),
    source text not null check (source in ('booking')),
    source_id bigint not null,
    person text not null
);
create index contact_reads_by_time on contact_reads (read_at);
