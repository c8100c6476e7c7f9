-- Appointments booked from home: the services, how each center offers them, the slots'
-- seat counts, the bookings, their private manage links, and the email outbox.

create table services (
    id text primary key,                     -- domain::service::Service::code()
    position smallint not null
);
insert into services (id, position) values
    ('registration_help', 1), ('career_coaching', 2), ('resume_review', 3),
    ('skills_team', 4), ('interview_practice', 5);

-- How one center books one service: slot length, how many people per slot (the staff who
-- take that service at once), how soon and how far ahead.
create table center_services (
    center_id text not null references centers (id) on delete cascade,
    service_id text not null references services (id),
    slot_minutes integer not null check (slot_minutes between 5 and 480),
    capacity integer not null check (capacity between 1 and 100),
    lead_minutes integer not null default 120 check (lead_minutes >= 0),
    horizon_days integer not null default 30 check (horizon_days between 1 and 365),
    primary key (center_id, service_id)
);

-- Seats taken per slot. Capacity is enforced here, by PostgreSQL: a booking claims a seat
-- with one conditional upsert (`booked < capacity`), which locks the row, so concurrent
-- claims queue up and the last seat goes to exactly one of them. The check constraint
-- holds the invariant even against a faulty query.
create table slot_seats (
    center_id text not null,
    service_id text not null,
    starts_at timestamptz not null,
    capacity integer not null,
    booked integer not null check (booked >= 0 and booked <= capacity),
    primary key (center_id, service_id, starts_at),
    foreign key (center_id, service_id) references center_services (center_id, service_id) on delete cascade
);

create table bookings (
    id bigserial primary key,
    code text not null unique check (code ~ '^[A-HJ-NP-Z2-9]{8}$'),
    -- Chosen when the details form is shown: the same form sent twice books once.
    idempotency_key uuid not null unique,
    center_id text not null references centers (id),
    service_id text not null references services (id),
    starts_at timestamptz not null,
    ends_at timestamptz not null check (ends_at > starts_at),
    visitor_time_zone text not null,
    first_name text not null,
    last_name text not null,
    email text not null,
    phone text not null,
    phone_last4 text not null,
    language text not null,                  -- preferred language of the appointment
    email_locale text not null,              -- language of the emails (a complete translation)
    accommodations text[] not null default '{}',
    interpreter_language text,
    accommodation_other text,
    status text not null default 'booked' check (status in ('booked', 'arrived', 'cancelled')),
    sequence integer not null default 0,     -- iCalendar SEQUENCE, raised by every change
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    cancelled_at timestamptz,
    arrived_at timestamptz,
    reminder_queued_at timestamptz
);
create index bookings_by_center_day on bookings (center_id, starts_at);
create index bookings_for_reminders on bookings (starts_at) where status = 'booked' and reminder_queued_at is null;

-- Private links to manage a booking. Only a SHA-256 hash of the 256-bit token is kept;
-- a booking can have several (the same form sent twice gets a fresh link for the same
-- booking, since the first token cannot be recovered from its hash).
create table booking_links (
    token_hash bytea primary key,
    booking_id bigint not null references bookings (id) on delete cascade,
    created_at timestamptz not null default now()
);

-- An arrived appointment joins the walk-in queue as a visit.
alter table visits add column booking_id bigint unique references bookings (id);

-- Email waiting to be sent. Written in the same transaction as the change it reports; a
-- background worker sends it over SMTP and marks it sent.
create table outbox (
    id bigserial primary key,
    booking_id bigint references bookings (id) on delete cascade,
    kind text not null check (kind in ('confirmation', 'change', 'cancellation', 'reminder')),
    to_address text not null,
    subject text not null,
    body text not null,
    ics text,
    ics_method text check (ics_method in ('REQUEST', 'CANCEL')),
    created_at timestamptz not null default now(),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    sent_at timestamptz
);
create index outbox_due on outbox (next_attempt_at) where sent_at is null;
