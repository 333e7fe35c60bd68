-- Issue 13: reference numbers (INC-, BRE-, TRV-) that never collide. One row per kind and year holds the
-- last number given; the saving transaction takes the next with UPDATE ... RETURNING, which locks the row
-- until it commits (core/References). A year's row is created on first use from the highest reference
-- already stored, so existing databases continue their sequences.
CREATE TABLE reference_counter (
    kind         TEXT NOT NULL,
    year         INTEGER NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (kind, year)
);
