-- Staff accounts and their signed-in sessions. Passwords are argon2id PHC strings;
-- session tokens are stored only as SHA-256 hashes, so a database dump signs nobody in.
create table staff_users (
    id bigserial primary key,
    email text not null unique check (email = lower(email)),
    display_name text not null,
    password_hash text not null,
    role text not null default 'front_desk' check (role in ('front_desk', 'coach', 'manager', 'admin')),
    disabled boolean not null default false,
    created_at timestamptz not null default now()
);

create table staff_sessions (
    token_hash bytea primary key,
    staff_id bigint not null references staff_users (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index staff_sessions_expiry on staff_sessions (expires_at);
