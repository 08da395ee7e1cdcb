-- The Stripe customer a checkout's payment created, set by its verified webhook: the billing
-- portal a checkout opens is this customer's, never that of whoever else has the same address.
alter table dues_checkouts add column stripe_customer_id text;
