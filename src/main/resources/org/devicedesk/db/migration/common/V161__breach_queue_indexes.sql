-- Issue 16: the DPO's queue read a page from an index on both databases. The queue is the open cases by
-- aware-at (then the latest decision or update, then id), then the others by the latest decision or
-- update, newest first; BreachRepository.queue reads the two parts in exactly these orders.
CREATE INDEX breach_case_queue_open ON breach_case (aware_at, coalesce(decided_at, updated_at) DESC, id)
    WHERE status IN ('AWAITING_REVIEW', 'ASSESSING');
CREATE INDEX breach_case_queue_done ON breach_case (coalesce(decided_at, updated_at) DESC, id)
    WHERE status NOT IN ('AWAITING_REVIEW', 'ASSESSING');
