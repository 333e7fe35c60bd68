-- Issue 17: the encryption warning list is edited in Settings; every edit (a country added, changed or
-- removed, the source or review date) raises the list's version, so an edit made from an older copy of
-- the list is refused instead of silently undoing someone else's change.
ALTER TABLE crypto_list ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
