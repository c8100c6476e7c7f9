-- Where a video appointment meets. Each center and each staff member may have a link, set
-- by managers; a video booking takes its center's link when it is made, and when it
-- changes hands its new handler's (else its center's again); staff who hold the calls may
-- type one appointment's own link. Whenever a booking's link changes after it was made,
-- the participant is emailed.
alter table centers add column meeting_link text not null default '';
alter table staff_users add column meeting_link text not null default '';
alter table bookings add column meeting_link text not null default '',
    -- Typed by staff on the appointment: it stays when the appointment changes hands.
    add column meeting_link_typed boolean not null default false;
alter table booking_changes drop constraint booking_changes_what_check,
    add constraint booking_changes_what_check
        check (what in ('status', 'staff', 'note', 'meeting_link'));

-- The email that brings a participant their appointment's new link.
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
    'confirmation', 'change', 'cancellation', 'reminder', 'meeting_link',
    'workshop_enrolled', 'workshop_waitlisted', 'workshop_promoted',
    'workshop_changed', 'workshop_cancelled',
    'staff_invitation', 'staff_reset'));
