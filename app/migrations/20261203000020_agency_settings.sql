-- The agency's own facts, one row: the names it goes by, the Language Access Line, where
-- its hand-offs point, and how many days personal data is kept. A new database starts
-- with the values of the agency Frontdesk was made for; admins change them on the agency
-- settings page, and every server process re-reads the row when it is announced.
create table agency_settings (
    singleton boolean primary key default true check (singleton),
    name text not null check (name <> ''),
    public_name text not null check (public_name <> ''),
    language_line text not null default '',
    registration_url text not null default '',
    job_listings_url text not null default '',
    training_url text not null default '',
    retention_days integer not null check (retention_days between 1 and 3650)
);

insert into agency_settings (name, public_name, language_line, retention_days)
values ('WorkSource Portland Metro', 'WorkSource', '8336850845', 30);
