-- Webhook delivery ids already received, so that a redelivery changes nothing. Rows older than the
-- server's retention are deleted on each insert. (V3 belongs to the incremental sync's branch.)
CREATE TABLE webhook_deliveries (
  source      text        NOT NULL,
  delivery_id text        NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (source, delivery_id)
);

CREATE INDEX webhook_deliveries_received_at ON webhook_deliveries (received_at);
