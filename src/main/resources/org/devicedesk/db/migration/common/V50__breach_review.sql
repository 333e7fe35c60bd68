-- DPO breach review (issue 6): what V5 left out.
-- outcome keeps the DPO's decision once a case is CLOSED, so the Article 33(5) register still says
-- whether it was reported; description holds what happened for a case the DPO opens directly
-- (e.g. a misdirected email, policy 46); closed_at is when it was closed.
ALTER TABLE breach_case ADD COLUMN outcome TEXT CHECK (outcome IN ('NOT_A_BREACH','NOT_REPORTABLE','REPORTED_TO_ICO'));
ALTER TABLE breach_case ADD COLUMN description TEXT;
ALTER TABLE breach_case ADD COLUMN closed_at TEXT;
CREATE INDEX breach_case_aware ON breach_case (aware_at);
