-- An admin's invitation or password reset is a link emailed to the colleague, who chooses
-- their own password there; no password passes through the admin's hands. Only the
-- token's SHA-256 is kept. A link works once and until it expires; issuing a new link for
-- an account replaces the older one.
create table staff_password_links (
    token_hash bytea primary key,
    staff_id bigint not null references staff_users (id) on delete cascade,
    purpose text not null check (purpose in ('invitation', 'reset')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index staff_password_links_by_staff on staff_password_links (staff_id);

-- The emails carrying those links go through the outbox like every other email.
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
    'confirmation', 'change', 'cancellation', 'reminder',
    'workshop_enrolled', 'workshop_waitlisted', 'workshop_promoted',
    'workshop_changed', 'workshop_cancelled',
    'staff_invitation', 'staff_reset'));
