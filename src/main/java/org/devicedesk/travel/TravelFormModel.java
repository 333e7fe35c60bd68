package org.devicedesk.travel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Reload;
import org.devicedesk.ui.Tasks;

/**
 * The travel notice form without a window (issue 15): what is typed as properties, and the rules that sat in
 * {@code TravelForm} — the notice days and whether they are on time, late or a date in the past (a changed
 * notice counts from the day it was filed and a late one stays late), the encryption warning for the
 * destinations chosen with its list's source — plus loading, saving and, after a stale save was refused,
 * reloading with what was typed kept (issue 17), all through {@link Tasks}.
 */
final class TravelFormModel {
    private final TravelService travel;
    private final Session session;
    private final Tasks tasks;

    final ObservableList<String> destinations = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> departure = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> returning = new SimpleObjectProperty<>();
    final ObservableList<TravelDevice> devices = FXCollections.observableArrayList();
    final ObservableSet<Long> ticked = FXCollections.observableSet();
    final StringProperty purpose = new SimpleStringProperty("");

    final StringProperty heading = new SimpleStringProperty("New travel notice");
    /** "9 days' notice — on time", "5 days' notice — late — …", "The departure date is in the past."; empty: no date yet. */
    final StringProperty noticeText = new SimpleStringProperty("");
    /** The notice line is a warning (late, or a date in the past). */
    final BooleanProperty noticeBad = new SimpleBooleanProperty();
    /** The encryption warning for the destinations chosen; empty when none restricts encryption. */
    final StringProperty cryptoText = new SimpleStringProperty("");
    /** Where the encryption list comes from and when it was reviewed (SPEC 4). */
    final StringProperty cryptoSource = new SimpleStringProperty("");

    private int requiredDays = 7;
    private CryptoList cryptoList;
    private TravelNotice editing;

    TravelFormModel(TravelService travel, Session session, Tasks tasks) {
        this.travel = travel;
        this.session = session;
        this.tasks = tasks;
        departure.addListener((o, a, b) -> updateNotice());
        destinations.addListener((javafx.collections.ListChangeListener<String>) c -> updateCrypto());
    }

    TravelNotice editing() {
        return editing;
    }

    /** Opens empty (a new notice) or with a pending notice to change; loads the rule's days, the list and the devices held. */
    void open(TravelNotice notice, Consumer<Throwable> onFailed) {
        editing = notice;
        heading.set(notice == null ? "New travel notice" : "Change " + notice.reference());
        fill(notice == null ? new TravelDraft(null, List.of(), null, null, List.of(), "") : draftOf(notice));
        devices.clear();
        Long traveller = notice == null ? null : notice.travellerId();
        record Loaded(int days, CryptoList list, List<TravelDevice> held) {}
        tasks.run(() -> new Loaded(travel.requiredNoticeDays(), travel.cryptoList(session), travel.devicesHeldBy(session, traveller)), loaded -> {
            requiredDays = loaded.days();
            cryptoList = loaded.list();
            List<TravelDevice> all = new ArrayList<>(loaded.held());
            if (notice != null) {
                for (TravelDevice d : notice.devices()) if (!all.contains(new TravelDevice(d.id(), d.assetTag(), d.description()))) all.add(d);
            }
            devices.setAll(all);
            updateNotice();
            updateCrypto();
        }, onFailed);
        updateNotice();
    }

    /** Puts a draft's values into the form's properties. */
    void fill(TravelDraft d) {
        destinations.setAll(d.destinations());
        departure.set(d.departureDate());
        returning.set(d.returnDate());
        purpose.set(d.purpose() == null ? "" : d.purpose());
        ticked.clear();
        ticked.addAll(d.deviceIds());
        filled = draft();
    }

    /** What the form held when it was opened or reloaded: anything else chosen or typed is unsaved. */
    private TravelDraft filled;

    /** What is chosen or typed and not saved, in words ("the new travel notice"), or null when nothing is (ADR 0014). */
    String unsavedChanges() {
        if (filled == null) return null;
        TravelDraft now = draft();
        boolean same = now.destinations().equals(filled.destinations())
                && java.util.Objects.equals(now.departureDate(), filled.departureDate())
                && java.util.Objects.equals(now.returnDate(), filled.returnDate())
                && java.util.Set.copyOf(now.deviceIds()).equals(java.util.Set.copyOf(filled.deviceIds())) // ticked in any order
                && java.util.Objects.toString(now.purpose(), "").equals(java.util.Objects.toString(filled.purpose(), ""));
        if (same) return null;
        return editing == null ? "the new travel notice" : "your changes to " + editing.reference();
    }

    static TravelDraft draftOf(TravelNotice n) {
        return new TravelDraft(null, n.destinations(), n.departureDate(), n.returnDate(), n.devices().stream().map(TravelDevice::id).toList(), n.purpose());
    }

    TravelDraft draft() {
        return new TravelDraft(null, List.copyOf(destinations), departure.get(), returning.get(), List.copyOf(ticked), purpose.get());
    }

    /** Files a new notice or changes the one open, against the version it was loaded at. */
    void save(Consumer<Long> onSaved, Consumer<Throwable> onFailed) {
        TravelDraft draft = draft();
        Long id = editing == null ? null : editing.id();
        Long version = editing == null ? null : editing.version();
        tasks.run(() -> {
            if (id == null) return travel.submit(session, draft);
            travel.update(session, id, version, draft);
            return id;
        }, onSaved, onFailed);
    }

    /**
     * After a stale save was refused: the notice as saved now, with this person's changes kept where the
     * other person did not change the same thing; {@code onReloaded} gets the sentence that says which.
     */
    void reload(Consumer<String> onReloaded, Consumer<Throwable> onFailed) {
        TravelNotice loadedAt = editing;
        if (loadedAt == null) return;
        TravelDraft mine = draft();
        tasks.run(() -> travel.get(session, loadedAt.id()), fresh -> {
            Reload.Merged<TravelDraft> merged = Reload.merge(draftOf(loadedAt), mine, draftOf(fresh),
                    "traveller", "destinations", "departure date", "return date", "devices", "purpose");
            editing = fresh;
            heading.set("Change " + fresh.reference());
            fill(merged.draft());
            updateNotice();
            onReloaded.accept(merged.explain(fresh.reference()));
        }, onFailed);
    }

    private void updateNotice() {
        LocalDate d = departure.get();
        if (d == null) {
            noticeText.set("");
            noticeBad.set(false);
            return;
        }
        NoticeCheck check = editing == null ? travel.preview(d, requiredDays) : TravelService.check(editing.submittedOn(), d, requiredDays);
        if (editing != null && editing.late() && !check.late()) check = new NoticeCheck(check.noticeDays(), requiredDays, true);
        if (d.isBefore(travel.today())) {
            noticeText.set("The departure date is in the past.");
            noticeBad.set(true);
        } else {
            noticeText.set(editing == null ? check.describe() : check.describe() + " (counted from the day it was filed; a late notice stays late)");
            noticeBad.set(check.late());
        }
    }

    private void updateCrypto() {
        if (cryptoList == null) return;
        List<CryptoList.Entry> hits = cryptoList.countries().stream().filter(e -> destinations.contains(e.code())).toList();
        if (hits.isEmpty()) {
            cryptoText.set("");
            return;
        }
        String names = hits.stream().map(CryptoList.Entry::name).collect(Collectors.joining(", "));
        cryptoSource.set(cryptoList.provenance() + "\nSource of the list: " + cryptoList.source());
        cryptoText.set("Encryption warning: " + names + (hits.size() == 1 ? " restricts" : " restrict")
                + " the import or use of encryption. Your encrypted devices may be inspected, held or need a licence; Information Security "
                + "will be told and will advise you before you go.");
    }
}
