-- Kiosk tablets are paired with a center. A manager's one-time pairing code (only its
-- hash kept) is redeemed by the tablet for a device token (only its hash kept) that the
-- tablet holds in an HttpOnly cookie; kiosk pages and endpoints answer only to it.
create table kiosk_pairing_codes (
    code_hash bytea primary key,
    center_id text not null references centers (id),
    name text not null,
    created_by bigint references staff_users (id) on delete set null,
    expires_at timestamptz not null
);

create table kiosk_devices (
    id bigserial primary key,
    center_id text not null references centers (id),
    name text not null,
    token_hash bytea not null unique,
    paired_by bigint references staff_users (id) on delete set null,
    paired_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    revoked_by bigint references staff_users (id) on delete set null
);
create index kiosk_devices_by_center on kiosk_devices (center_id, paired_at);
