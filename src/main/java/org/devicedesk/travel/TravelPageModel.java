package org.devicedesk.travel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.devices.Device;
import org.devicedesk.ui.Tasks;

/**
 * The view model of one notice in full ({@link TravelPage}, issue 15): who may change the notice, decide on it or
 * record the post-travel check, the loaners booked by the decision in words, the encryption list's source, and
 * the decision and the check themselves — all through {@link Tasks}; the service keeps the rules it enforces.
 */
final class TravelPageModel {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private final TravelService travel;
    private final Session session;
    private final Tasks tasks;

    TravelPageModel(TravelService travel, Session session, Tasks tasks) {
        this.travel = travel;
        this.session = session;
        this.tasks = tasks;
    }

    /** The long form of a day on a notice: "Wed 4 Mar 2026". */
    static String day(LocalDate d) {
        return d == null ? "" : LONG.format(d);
    }

    /** "Change notice" is offered while the notice is pending, to Information Security and to the traveller. */
    boolean mayChange(TravelNotice n) {
        return n.isPending() && (session.has(Role.INFOSEC) || session.isSelf(n.travellerId()));
    }

    /** Information Security's decision panel shows while the notice is pending. */
    boolean decides(TravelNotice n) {
        return n.isPending() && session.has(Role.INFOSEC);
    }

    /** The helpdesk's post-travel check shows once the traveller is back and it is not yet recorded. */
    boolean checksAfterTravel(TravelNotice n) {
        return n.postCheckDue(travel.today()) && session.has(Role.HELPDESK);
    }

    /** The encryption list, for its source and review date beside every warning (SPEC 4); a failure leaves the warning as it is. */
    void cryptoList(Consumer<CryptoList> shown) {
        tasks.run(() -> travel.cryptoList(session), shown, t -> { });
    }

    /** Issue 21: the loaners the decision booked for this notice; a failure lists none. */
    void loaners(TravelNotice n, Consumer<List<TravelLoaners.Loaner>> shown) {
        tasks.run(() -> travel.loaners(session, n.id()), shown, t -> { });
    }

    /** A loaner that was not cancelled, in words: "Loaner: Dell Latitude, Mon 9 Mar 2026 to Fri 13 Mar 2026 — checked out to the traveller." */
    static Optional<String> loanerLine(TravelLoaners.Loaner l) {
        if (l.cancelled()) return Optional.empty();
        String state = l.wipedAt() != null ? "back, wiped and re-imaged by " + l.wipedBy()
                : l.returned() ? "back; not yet recorded as wiped and re-imaged, so it cannot be booked again"
                : l.checkedOut() ? "checked out to the traveller" : "booked, to be collected from the help desk";
        return Optional.of("Loaner: " + l.description() + ", " + day(l.from()) + " to " + day(l.to()) + " — " + state + ".");
    }

    /** The loaner that travelled (checked out), which the post-travel check records as wiped and re-imaged. */
    static Optional<TravelLoaners.Loaner> loanerThatTravelled(List<TravelLoaners.Loaner> loaners) {
        return loaners.stream().filter(TravelLoaners.Loaner::checkedOut).findFirst();
    }

    /** Records Information Security's decision ({@code loaner}: a device kind for a clean loaner, anything else none); {@code done} gets the notice's id. */
    void decide(TravelNotice n, TravelDecision decision, String advice, String lateJustification, Object loaner,
                Consumer<Long> done, Consumer<Throwable> failed) {
        Device.Kind kind = loaner instanceof Device.Kind k ? k : null;
        tasks.run(() -> {
            travel.decide(session, n.id(), n.version(), decision, advice, lateJustification, kind);
            return n.id();
        }, done, failed);
    }

    /**
     * Records the post-travel check; the devices ticked count as suspected of tampering only when that is the
     * outcome chosen. {@code done} gets the notice's id.
     */
    void recordCheck(TravelNotice n, PostTravelOutcome outcome, List<Long> ticked, String notes, boolean loanerWiped,
                     Consumer<Long> done, Consumer<Throwable> failed) {
        List<Long> suspected = outcome == PostTravelOutcome.TAMPERING_SUSPECTED ? List.copyOf(ticked) : List.of();
        tasks.run(() -> travel.recordPostTravelCheck(session, n.id(), outcome, suspected, notes, loanerWiped), incidents -> done.accept(n.id()), failed);
    }
}
