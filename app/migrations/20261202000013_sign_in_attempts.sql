-- Failed staff sign-ins become one row per account and address, updated under its row
-- lock: an attempt is counted before its password is checked, so parallel guesses
-- queue on the row and only the allowed number ever reach the (costly) check.
drop table sign_in_failures;

create table sign_in_attempts (
    email text not null,
    address text not null,
    failures integer not null default 0 check (failures >= 0),
    latest_at timestamptz,
    primary key (email, address)
);
