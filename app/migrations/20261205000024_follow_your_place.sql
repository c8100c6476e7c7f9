-- Following a walk-in ticket from the visitor's own phone, and the desk a visitor is
-- called to.
--
-- The follow token is the secret in the ticket's QR code and short link (/t/{token}): 128
-- random bits, kept as is (the kiosk shows the same link again when a check-in is
-- retried), and worth nothing after the center's day of the visit. Visits from before this
-- column have none.
alter table visits add column follow_token text unique
    check (follow_token ~ '^[A-Za-z0-9_-]{22}$');
-- The desk the visitor was called to ("3", "Desk 3", "B"), as the staff member who called
-- them had chosen for their session.
alter table visits add column desk text check (char_length(desk) between 1 and 12);
alter table staff_sessions add column desk text check (char_length(desk) between 1 and 12);
