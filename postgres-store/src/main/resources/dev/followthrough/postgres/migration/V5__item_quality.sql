-- Each item row counts its quality findings (the "quality" list in its item), so that reports count
-- the share of items with findings in SQL: findings and error_findings are null for an item never
-- checked (stored before findings were kept), and an item missing from its document is not counted.
ALTER TABLE action_items
  ADD COLUMN findings integer,
  ADD COLUMN error_findings integer,
  ADD COLUMN missing_from_source boolean NOT NULL DEFAULT false;

-- Rows written before: from the item each row carries (records of older releases have no findings).
UPDATE action_items
   SET missing_from_source = coalesce((item ->> 'missingFromSource')::boolean, false),
       findings = CASE WHEN jsonb_typeof(item -> 'quality') = 'array'
                       THEN jsonb_array_length(item -> 'quality') END,
       error_findings = CASE WHEN jsonb_typeof(item -> 'quality') = 'array'
                             THEN (SELECT count(*) FROM jsonb_array_elements(item -> 'quality') f
                                    WHERE f ->> 'level' = 'ERROR') END;
