-- Appointment services are the agency's data, like visit reasons: admins add, name,
-- order and hide them, and say how each is held. A booking keeps its service's code, so
-- no service is ever deleted, only hidden.
alter table services
    add column hidden boolean not null default false,
    -- The visit reason an arrived appointment joins the queue with; '' for none.
    add column arrival_reason text not null default '',
    -- How the appointment is held: any of in person, phone call, video call. Where a
    -- service offers more than one, the participant chooses when booking.
    add column held text[] not null default '{phone}'
        check (cardinality(held) between 1 and 3 and held <@ array['in_person', 'phone', 'video']);
alter table services add constraint services_code
    check (id ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' and length(id) <= 40);

-- What participants read, per language.
create table service_texts (
    service_id text not null references services (id),
    locale text not null,
    name text not null check (name <> ''),
    hint text not null default '',
    primary key (service_id, locale)
);

-- How each booking is held, chosen from its service's ways. Bookings made before this
-- were all "virtual: staff will contact you", that is a phone call.
alter table bookings
    add column held text not null default 'phone' check (held in ('in_person', 'phone', 'video'));

-- A new agency (no centers yet) adds its own services: the five built-in rows go. An
-- install that had centers keeps them (its bookings name them) and the server names them
-- once at its next start, from the same code the demo uses (see visit reasons).
insert into legacy_adoptions (what) select 'services' where exists (select 1 from centers);
delete from services where not exists (select 1 from centers);
