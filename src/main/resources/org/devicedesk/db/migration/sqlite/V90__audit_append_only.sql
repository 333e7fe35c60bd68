-- The audit trail is append-only in the database itself, not only by the application's habit (ADR 0009).
-- A database tool can still drop these triggers; the anchors kept outside the database catch what follows.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only: an audit event cannot be changed');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only: an audit event cannot be deleted');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'the audit head cannot be deleted');
END;

-- the head is updated by every append (last_seq first, then last_hash to the new event's hash):
-- it may only move forward, and its hash must be that of the event it points at
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.id <> OLD.id
  OR NEW.last_seq < OLD.last_seq
  OR (NEW.last_hash <> OLD.last_hash
      AND NEW.last_hash IS NOT (SELECT hash FROM audit_event WHERE seq = NEW.last_seq))
BEGIN
    SELECT RAISE(ABORT, 'the audit head only moves forward, to the newest event');
END;
