-- Counting what went to one address in the last day (the per-recipient cap) reads this.
create index outbox_by_recipient on outbox (lower(to_address), created_at);
