-- Where a video appointment meets. Each center may have a link, set by its managers; a
-- video booking takes its center's link when it is made, so what the participant was
-- told stays true; staff change one appointment's link, and the participant is emailed.
alter table centers add column meeting_link text not null default '';
alter table bookings add column meeting_link text not null default '';
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
