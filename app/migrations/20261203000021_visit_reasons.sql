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

-- An install that had centers before reasons were data offered the built-in list on its
-- kiosks: the server adds that list once at its next start (from the same code the demo
-- uses) and takes this note away in the same transaction. A new agency has no centers
-- here, gets no note, and adds its own reasons.
create table legacy_adoptions (what text primary key);
insert into legacy_adoptions (what) select 'visit_reasons' where exists (select 1 from centers);
