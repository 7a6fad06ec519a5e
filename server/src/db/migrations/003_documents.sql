-- Document content, in the chunks the devices send (shared/sync/documents-protocol.ts). The
-- metadata is an ordinary synced row (sync_row/field_state, entity 'documents'); only devices of
-- that row's team may read or write its chunks. The bytes are stored as the devices sent them
-- (the document as it was attached), each chunk with its own SHA-256.
CREATE TABLE document_chunk (
  document_id  text NOT NULL,
  idx          integer NOT NULL,
  data         bytea NOT NULL,
  sha256       text NOT NULL,
  received_at  bigint NOT NULL,
  PRIMARY KEY (document_id, idx)
);
