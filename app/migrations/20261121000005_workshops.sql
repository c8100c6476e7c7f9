-- Workshops and hiring events: sessions (alone or in a series), enrolments with an
-- automatic waitlist, and private links to manage an enrolment.

create table workshop_series (
    id bigserial primary key,
    title text not null,
    topic text not null
);

create table workshop_sessions (
    id bigserial primary key,
    series_id bigint references workshop_series (id),
    topic text not null,
    title text not null,
    description text not null default '',
    employer text,                           -- hiring events: who is hiring
    center_id text references centers (id),  -- null: virtual
    meeting_link text,
    starts_at timestamptz not null,
    ends_at timestamptz not null check (ends_at > starts_at),
    capacity integer not null check (capacity >= 0),
    language text not null default 'en',
    facilitator text not null default '',
    status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
    -- Seats taken, kept in the same transaction as the enrolments under the session's row
    -- lock; the check makes overselling impossible even for a faulty query.
    enrolled integer not null default 0 check (enrolled >= 0 and enrolled <= capacity)
);
create index workshop_sessions_by_start on workshop_sessions (starts_at);

create table workshop_enrolments (
    id bigserial primary key,                -- arrival order: assigned under the session lock
    session_id bigint not null references workshop_sessions (id) on delete cascade,
    first_name text not null,
    last_name text not null,
    contact text not null,
    contact_key text not null,               -- the same person, however the contact was typed
    email text,
    language text not null,
    email_locale text not null,
    accommodations text[] not null default '{}',
    interpreter_language text,
    accommodation_other text,
    status text not null check (status in ('enrolled', 'waitlisted', 'cancelled', 'attended', 'no_show')),
    created_at timestamptz not null default now(),
    promoted_at timestamptz,
    cancelled_at timestamptz
);
-- One live enrolment per person and session: enrolling twice finds the first.
create unique index workshop_enrolments_one_per_person
    on workshop_enrolments (session_id, contact_key) where status <> 'cancelled';
create index workshop_waitlist on workshop_enrolments (session_id, id) where status = 'waitlisted';

create table workshop_links (
    token_hash bytea primary key,
    enrolment_id bigint not null references workshop_enrolments (id) on delete cascade,
    created_at timestamptz not null default now()
);
