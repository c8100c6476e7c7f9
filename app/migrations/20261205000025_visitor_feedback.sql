-- "How was your visit?": five faces and an optional comment, from the visitor's phone
-- after their visit (one answer per visit) or from the kiosk's welcome screen (no visit).
--
-- The reasons and language are copied from the visit when there is one, so the report
-- groups feedback as it groups visits; a kiosk answer has none of the visit's reasons.
-- The comment is personal data: the purge erases it with the rest (sets it null), the
-- rating stays for the counts.
create table feedback (
    id bigserial primary key,
    center_id text not null references centers (id),
    visit_id bigint unique references visits (id),
    service_day date not null,
    language text not null,
    reasons text[] not null default '{}',
    rating smallint not null check (rating between 1 and 5),
    comment text check (char_length(comment) between 1 and 500),
    source text not null check (source in ('phone', 'kiosk')),
    created_at timestamptz not null default now()
);
create index feedback_by_day on feedback (service_day, center_id);
create index feedback_comments_for_retention on feedback (created_at) where comment is not null;

alter table purge_runs add column comments integer not null default 0;
