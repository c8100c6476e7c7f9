-- An enrolment remembers the form it came from (the same form sent twice is the same
-- person: it gets a link), and when its link was last re-sent to its email because
-- another form named the same contact (at most every 15 minutes: no mail bombing).
alter table workshop_enrolments add column idempotency_key uuid unique;
alter table workshop_enrolments add column link_resent_at timestamptz;
create index workshop_links_by_enrolment on workshop_links (enrolment_id);
create index booking_links_by_booking on booking_links (booking_id);
