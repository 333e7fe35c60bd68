package org.devicedesk.travel;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Tasks;

/**
 * The view model of Settings &gt; Travel encryption list ({@link CryptoListView}, issue 15): the list as read,
 * its source and review date as typed, the "N countries. Last changed by …" line, and the three changes — each
 * sent with the version read (ADR 0008), and after each, done or refused, the list read again (a refusal names
 * who changed it first). All through {@link Tasks}.
 */
final class CryptoListModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).withZone(AppClock.OFFICE_ZONE);

    private final TravelService travel;
    private final Session session;
    private final Tasks tasks;

    final ObservableList<CryptoList.Entry> countries = FXCollections.observableArrayList();
    final StringProperty source = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> reviewedOn = new SimpleObjectProperty<>();
    final StringProperty changed = new SimpleStringProperty("");
    private CryptoList loaded;

    CryptoListModel(TravelService travel, Session session, Tasks tasks) {
        this.travel = travel;
        this.session = session;
        this.tasks = tasks;
    }

    /** The version of the list as last read (null before the first read). */
    Long version() {
        return loaded == null ? null : loaded.version();
    }

    /** "12 countries. Last changed by Ines Tester, Wed 4 Mar 2026, 10:00." */
    static String changedLine(CryptoList list) {
        return list.countries().size() + " countries. Last changed by " + list.updatedBy()
                + (list.updatedAt() == null ? "" : ", " + WHEN.format(list.updatedAt())) + ".";
    }

    /** Reads the list; {@code done} runs after it is shown. */
    void reload(Runnable done, Consumer<Throwable> failed) {
        tasks.run(() -> travel.cryptoList(session), list -> {
            loaded = list;
            countries.setAll(list.countries());
            source.set(list.source());
            reviewedOn.set(list.reviewedOn());
            changed.set(changedLine(list));
            done.run();
        }, failed);
    }

    void saveDetails(LocalDate reviewed, Consumer<String> done, Consumer<Throwable> failed) {
        String typed = source.get();
        write(() -> travel.saveCryptoListDetails(session, version(), typed, reviewed), "Source and review date saved.", done, failed);
    }

    /** Adds the country or changes its note ({@code country} null: the service says one is needed). */
    void saveCountry(Country country, String note, Consumer<String> done, Consumer<Throwable> failed) {
        write(() -> travel.saveCryptoCountry(session, version(), country == null ? null : country.code(), note),
                (country == null ? "The country" : country.name()) + " saved on the list.", done, failed);
    }

    void remove(CryptoList.Entry entry, Consumer<String> done, Consumer<Throwable> failed) {
        write(() -> travel.removeCryptoCountry(session, version(), entry.code()), entry.name() + " removed from the list.", done, failed);
    }

    /**
     * Runs one change; either way the list is read again. Done: {@code done} gets the sentence to show once the list
     * is read again; refused: {@code failed} gets why, and then the list is read again.
     */
    private void write(Runnable change, String success, Consumer<String> done, Consumer<Throwable> failed) {
        tasks.run(() -> {
            change.run();
            return null;
        }, x -> reload(() -> done.accept(success), failed), t -> {
            failed.accept(t);
            reload(() -> { }, failed);
        });
    }
}
