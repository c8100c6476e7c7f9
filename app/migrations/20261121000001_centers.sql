-- Job centers, their weekly opening hours and their closures (holidays, one-off).
create table centers (
    id text primary key check (id ~ '^[a-z0-9-]+$'),   -- the slug in /kiosk/{center}
    name text not null,
    time_zone text not null default 'America/Los_Angeles',
    position smallint not null default 0
);

create table center_hours (
    center_id text not null references centers (id) on delete cascade,
    weekday smallint not null check (weekday between 1 and 7),  -- ISO: 1 = Monday
    opens_at time not null,
    closes_at time not null check (closes_at > opens_at),
    primary key (center_id, weekday)
);

create table center_closures (
    center_id text not null references centers (id) on delete cascade,
    day date not null,
    reason text not null default '',
    primary key (center_id, day)
);
