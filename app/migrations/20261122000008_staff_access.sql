-- Staff sessions end after 15 idle minutes (last_seen_at), and failed sign-ins are
-- counted per account and address so that guessing slows down.
alter table staff_sessions add column last_seen_at timestamptz not null default now();

create table sign_in_failures (
    id bigserial primary key,
    email text not null,
    address text not null,
    failed_at timestamptz not null default now()
);
create index sign_in_failures_by_account on sign_in_failures (email, address, failed_at);
