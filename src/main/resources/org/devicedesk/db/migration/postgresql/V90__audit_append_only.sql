-- The audit trail is append-only in the database itself (ADR 0009): the same rules as the SQLite
-- triggers. The application's role should also lack UPDATE, DELETE and TRUNCATE on these tables
-- (README, "Least privilege on PostgreSQL"), so that dropping the triggers needs the owner.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % on audit_event refused', TG_OP;
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'the audit head cannot be deleted (% refused)', TG_OP;
    END IF;
    IF NEW.id <> OLD.id OR NEW.last_seq < OLD.last_seq
       OR (NEW.last_hash <> OLD.last_hash
           AND NEW.last_hash IS DISTINCT FROM (SELECT hash FROM audit_event WHERE seq = NEW.last_seq)) THEN
        RAISE EXCEPTION 'the audit head only moves forward, to the newest event';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();
