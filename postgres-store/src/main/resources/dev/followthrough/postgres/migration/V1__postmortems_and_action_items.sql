-- One row per postmortem. The record column holds {"schemaVersion": 1, "postmortem": {...}} as
-- core's JsonFormat writes it, the same body as a directory store file; version and updated_at
-- live in their own columns so that an optimistic update can compare them.
CREATE TABLE postmortems (
  id         text        PRIMARY KEY,
  version    bigint      NOT NULL CHECK (version >= 1),
  record     jsonb       NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A copy of each item's query fields, rewritten in the same transaction as its postmortem, for
-- reports and ad-hoc queries in SQL. The postmortem's record stays the source of truth.
CREATE TABLE action_items (
  postmortem_id text    NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
  position      integer NOT NULL,
  item_id       text    NOT NULL,
  title         text    NOT NULL,
  owner         text,
  status        text    NOT NULL,
  priority      text,
  due_date      date,
  PRIMARY KEY (postmortem_id, position)
);

CREATE INDEX action_items_owner ON action_items (owner);
CREATE INDEX action_items_status_due_date ON action_items (status, due_date);
