-- Visit reasons are the agency's data: admins add, name, order and hide them. A visit
-- keeps the codes it was given (visits.reasons), so no reason is ever deleted, only hidden.
create table visit_reasons (
    code text primary key check (code ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' and length(code) <= 40),
    position integer not null,
    hidden boolean not null default false,
    -- Another organisation handles it: the kiosk shows the notice and these numbers.
    handled_elsewhere boolean not null default false,
    phones text[] not null default '{}',
    -- The team the visit goes to; '' for anyone.
    team text not null default ''
);

-- What visitors read, per language.
create table visit_reason_texts (
    code text not null references visit_reasons (code),
    locale text not null,
    name text not null check (name <> ''),
    hint text not null default '',
    notice text not null default '',
    primary key (code, locale)
);
