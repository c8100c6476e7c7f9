-- A waiting list for appointments. A participant who found no time that suits them leaves
-- their details and the days and parts of the day that suit them; when a matching slot
-- frees, the first person waiting for it is offered a hold on it for 30 minutes.

-- A hold counts against the slot's capacity exactly as a booking does, in the same row
-- and under the same check, so a hold and a booking racing for the last seat give one.
alter table slot_seats add column on_hold integer not null default 0 check (on_hold >= 0);
alter table slot_seats drop constraint slot_seats_check;
alter table slot_seats add constraint slot_seats_seats_check
    check (booked >= 0 and booked + on_hold <= capacity);

create table waitlist_entries (
    id bigserial primary key,
    service_id text not null references services (id),
    -- null: any center.
    center_id text references centers (id) on delete cascade,
    -- ISO weekdays (Monday 1 … Sunday 7) and parts of the day that suit, in the
    -- participant's own time zone.
    weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7),
    parts_of_day text[] not null check (cardinality(parts_of_day) between 1 and 3),
    visitor_time_zone text not null,
    -- What a booking needs, so that claiming a hold is one press.
    held text not null,
    first_name text not null,
    last_name text not null,
    email text not null,
    phone text not null,
    language text not null,
    email_locale text not null,
    accommodations text[] not null default '{}',
    interpreter_language text,
    accommodation_other text,
    -- unconfirmed: the emailed link was not followed yet (double opt-in); waiting: in
    -- line since confirmed_at; booked: a hold was claimed; left: by the person's link;
    -- dropped: holds offered went unanswered (a mailbox nobody reads holds no more seats).
    state text not null default 'unconfirmed'
        check (state in ('unconfirmed', 'waiting', 'booked', 'left', 'dropped')),
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    ended_at timestamptz,
    -- When the confirmation email last went out (a second join does not resend sooner).
    mailed_at timestamptz not null default now(),
    anonymized_at timestamptz
);
-- One live entry per address, and per phone number, and service: joining again finds the
-- first (and one person cannot hold a seat per mailbox they make up with one phone).
create unique index waitlist_one_per_contact on waitlist_entries (service_id, lower(email))
    where state in ('unconfirmed', 'waiting');
create unique index waitlist_one_per_phone
    on waitlist_entries (service_id, regexp_replace(phone, '[^0-9]', '', 'g'))
    where state in ('unconfirmed', 'waiting');
create index waitlist_in_line on waitlist_entries (service_id, confirmed_at, id)
    where state = 'waiting';

-- The entry's private link (confirm, see, leave); only a SHA-256 hash of the token.
create table waitlist_links (
    token_hash bytea primary key,
    entry_id bigint not null references waitlist_entries (id) on delete cascade,
    created_at timestamptz not null default now()
);

-- A slot held for one person. While `offered`, it is counted in its slot's `on_hold`;
-- leaving that state (claimed, expired, declined, void) gives the seat back or turns it
-- into a booking in the same statement's transaction, exactly once (the row's lock and
-- its state decide who does it).
create table slot_holds (
    id bigserial primary key,
    entry_id bigint not null references waitlist_entries (id) on delete cascade,
    center_id text not null,
    service_id text not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    token_hash bytea not null unique,
    -- The booking's form key: claiming twice books once.
    booking_key uuid not null default gen_random_uuid(),
    state text not null default 'offered'
        check (state in ('offered', 'claimed', 'expired', 'declined', 'void')),
    offered_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at timestamptz,
    booking_id bigint references bookings (id) on delete set null,
    foreign key (center_id, service_id, starts_at)
        references slot_seats (center_id, service_id, starts_at) on delete cascade
);
-- One live hold per person: two holds never wait on one person's answer.
create unique index slot_holds_one_per_entry on slot_holds (entry_id) where state = 'offered';
create index slot_holds_due on slot_holds (expires_at) where state = 'offered';
create index slot_holds_of_slot on slot_holds (center_id, service_id, starts_at);

alter table outbox add column waitlist_id bigint references waitlist_entries (id) on delete cascade;
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
    'confirmation', 'change', 'cancellation', 'reminder', 'meeting_link',
    'workshop_enrolled', 'workshop_waitlisted', 'workshop_promoted',
    'workshop_changed', 'workshop_cancelled',
    'staff_invitation', 'staff_reset',
    'waitlist_confirm', 'waitlist_hold'));

-- The retention purge erases places on the list too, and counts them.
alter table purge_runs add column waitlist integer not null default 0;
