-- When staff last changed a session: the partners' calendar feeds give it as the event's
-- LAST-MODIFIED and DTSTAMP, so a subscribed calendar knows a changed event from an old one.
alter table workshop_sessions add column updated_at timestamptz not null default now();
