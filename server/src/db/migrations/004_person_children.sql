-- A person's rows are found by the person_id field (server/src/sync/person-children.ts): when
-- the person moves to another team, they move along.
CREATE INDEX field_state_person_link ON field_state (value_json) WHERE field = 'person_id';
