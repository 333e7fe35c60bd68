package org.devicedesk.breaches;

import java.time.Instant;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachCase.SubjectsTold;

/**
 * What the DPO saves on a case page: the assessment, the status to move to, and the decision's
 * fields. Start from {@link #of(BreachCase)} and change what the form changed.
 */
public record BreachDraft(
        Status status,
        Boolean personalDataInvolved,
        boolean categoryOrdinary,
        boolean categorySpecial,
        boolean categoryCriminalOffence,
        Integer dataSubjectsApprox,
        Integer recordsApprox,
        String likelyConsequences,
        String measures,
        Risk risk,
        String rationale,
        Instant icoNotifiedAt,
        String icoReference,
        String delayReasons,
        SubjectsTold subjectsToldDecision,
        Instant subjectsToldAt) {

    public static BreachDraft of(BreachCase c) {
        return new BreachDraft(c.status(), c.personalDataInvolved(), c.categoryOrdinary(), c.categorySpecial(),
                c.categoryCriminalOffence(), c.dataSubjectsApprox(), c.recordsApprox(), c.likelyConsequences(), c.measures(),
                c.risk(), c.rationale(), c.icoNotifiedAt(), c.icoReference(), c.delayReasons(), c.subjectsToldDecision(),
                c.subjectsToldAt());
    }

    public BreachDraft withStatus(Status s) {
        return new BreachDraft(s, personalDataInvolved, categoryOrdinary, categorySpecial, categoryCriminalOffence,
                dataSubjectsApprox, recordsApprox, likelyConsequences, measures, risk, rationale, icoNotifiedAt, icoReference,
                delayReasons, subjectsToldDecision, subjectsToldAt);
    }

    public BreachDraft withAssessment(Boolean personalData, boolean ordinary, boolean special, boolean criminal,
            Integer subjects, Integer records, String consequences, String measuresTaken, Risk r) {
        return new BreachDraft(status, personalData, ordinary, special, criminal, subjects, records, consequences,
                measuresTaken, r, rationale, icoNotifiedAt, icoReference, delayReasons, subjectsToldDecision, subjectsToldAt);
    }

    public BreachDraft withRisk(Risk r) {
        return new BreachDraft(status, personalDataInvolved, categoryOrdinary, categorySpecial, categoryCriminalOffence,
                dataSubjectsApprox, recordsApprox, likelyConsequences, measures, r, rationale, icoNotifiedAt, icoReference,
                delayReasons, subjectsToldDecision, subjectsToldAt);
    }

    public BreachDraft withRationale(String text) {
        return new BreachDraft(status, personalDataInvolved, categoryOrdinary, categorySpecial, categoryCriminalOffence,
                dataSubjectsApprox, recordsApprox, likelyConsequences, measures, risk, text, icoNotifiedAt, icoReference,
                delayReasons, subjectsToldDecision, subjectsToldAt);
    }

    public BreachDraft withIco(Instant notifiedAt, String reference, String delay) {
        return new BreachDraft(status, personalDataInvolved, categoryOrdinary, categorySpecial, categoryCriminalOffence,
                dataSubjectsApprox, recordsApprox, likelyConsequences, measures, risk, rationale, notifiedAt, reference,
                delay, subjectsToldDecision, subjectsToldAt);
    }

    public BreachDraft withSubjectsTold(SubjectsTold decision, Instant at) {
        return new BreachDraft(status, personalDataInvolved, categoryOrdinary, categorySpecial, categoryCriminalOffence,
                dataSubjectsApprox, recordsApprox, likelyConsequences, measures, risk, rationale, icoNotifiedAt, icoReference,
                delayReasons, decision, at);
    }
}
