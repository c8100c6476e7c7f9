-- Walk-in visits: one row per kiosk check-in, moving through the queue states.
create table ticket_counters (
    center_id text not null references centers (id) on delete cascade,
    service_day date not null,              -- the center's local date
    last_number integer not null,
    primary key (center_id, service_day)
);

create table visits (
    id bigserial primary key,
    center_id text not null references centers (id),
    service_day date not null,              -- the center's local date of the check-in
    ticket_prefix text not null,
    ticket_number integer not null,
    -- Chosen by the kiosk when the visitor starts: a double tap or a retry of the same
    -- check-in finds this row instead of printing a second ticket.
    idempotency_key uuid not null unique,
    first_name text not null,
    last_name text not null,
    reasons text[] not null check (cardinality(reasons) > 0),
    registered text not null check (registered in ('yes', 'no', 'not_sure')),
    accommodations text[] not null default '{}',
    interpreter_language text,
    accommodation_other text,
    language text not null,
    consented_at timestamptz not null,
    status text not null default 'waiting'
        check (status in ('waiting', 'called', 'serving', 'done', 'left')),
    checked_in_at timestamptz not null default now(),
    called_at timestamptz,
    serving_started_at timestamptz,
    finished_at timestamptz,
    staff_id bigint references staff_users (id),
    -- Set when the retention period has passed and the names were erased.
    anonymized_at timestamptz,
    unique (center_id, service_day, ticket_prefix, ticket_number)
);
create index visits_open_by_center on visits (center_id, service_day, status);
create index visits_for_retention on visits (checked_in_at) where anonymized_at is null;
