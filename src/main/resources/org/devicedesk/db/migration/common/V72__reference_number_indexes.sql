-- Issue 9: the next INC-/BRE- number of a year is found by walking an index to this year's longest,
-- highest reference, instead of reading every incident with LIKE (50k incidents: 10-20 ms per save).
-- substr(reference, 1, 9) is the year's prefix ('INC-2026-'); longer numbers are higher numbers.
CREATE INDEX incident_reference_number ON incident (substr(reference, 1, 9), length(reference), reference);
CREATE INDEX breach_case_reference_number ON breach_case (substr(reference, 1, 9), length(reference), reference);
