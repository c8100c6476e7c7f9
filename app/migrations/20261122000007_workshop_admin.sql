-- Staff edit and cancel sessions: each change of time, place or status raises the
-- session's calendar sequence, so calendar programs replace the event they hold; and the
-- people on the session are told by email.
alter table workshop_sessions add column sequence integer not null default 0;
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
    'confirmation', 'change', 'cancellation', 'reminder',
    'workshop_enrolled', 'workshop_waitlisted', 'workshop_promoted',
    'workshop_changed', 'workshop_cancelled'));
