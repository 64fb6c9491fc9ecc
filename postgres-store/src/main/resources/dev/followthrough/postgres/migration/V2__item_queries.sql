-- findItems selects items here without reading their postmortems: each row carries the item as
-- core's JsonFormat writes it, and the owner as compared (lower case, without a leading @).
ALTER TABLE action_items ADD COLUMN item jsonb;
ALTER TABLE action_items ADD COLUMN owner_key text;

-- Rows written before this version: the item from its postmortem's record. The owner key here uses
-- PostgreSQL's lower(); every later write computes it in Java, as ItemQuery compares it.
UPDATE action_items a
   SET item = p.record -> 'postmortem' -> 'actionItems' -> a.position,
       owner_key = lower(CASE WHEN a.owner LIKE '@%' THEN substr(a.owner, 2) ELSE a.owner END)
  FROM postmortems p
 WHERE p.id = a.postmortem_id;

ALTER TABLE action_items ALTER COLUMN item SET NOT NULL;

CREATE INDEX action_items_owner_key ON action_items (owner_key);
