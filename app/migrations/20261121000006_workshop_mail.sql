-- Workshop emails go through the same outbox as booking emails.
alter table outbox add column enrolment_id bigint references workshop_enrolments (id) on delete cascade;
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
    'confirmation', 'change', 'cancellation', 'reminder',
    'workshop_enrolled', 'workshop_waitlisted', 'workshop_promoted'));
