package org.devicedesk.devices;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the device register's list ({@link DevicesView}): the search and the four filters,
 * the page shown (searched, sorted and paged in the database), its count line and pager, and the teams to
 * filter by. Searches run through {@link Tasks.Latest}: an older search's page never replaces a newer one's.
 */
final class DevicesModel {
    private final Session session;
    private final DeviceService devices;
    private final Tasks tasks;
    private final Tasks.Latest latest;

    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<Device.Kind> kind = new SimpleObjectProperty<>();
    final ObjectProperty<Device.Mode> mode = new SimpleObjectProperty<>();
    final ObjectProperty<Device.Status> status = new SimpleObjectProperty<>();
    final ObjectProperty<String> team = new SimpleObjectProperty<>();
    final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DeviceQuery.Page> page = new ReadOnlyObjectWrapper<>();
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    final StringBinding count;
    final BooleanBinding onFirstPage;
    final BooleanBinding onLastPage;
    private DeviceQuery query = DeviceQuery.all();

    DevicesModel(Session session, DeviceService devices, Tasks tasks) {
        this.session = session;
        this.devices = devices;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        count = Bindings.createStringBinding(() -> countLine(page.get()), page);
        onFirstPage = Bindings.createBooleanBinding(() -> page.get() == null || page.get().query().offset() == 0, page);
        onLastPage = Bindings.createBooleanBinding(() -> page.get() == null || !page.get().hasNext(), page);
    }

    ReadOnlyObjectProperty<DeviceQuery.Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    DeviceQuery query() {
        return query;
    }

    static String countLine(DeviceQuery.Page p) {
        if (p == null) return "";
        if (p.total() == 0) return "No devices match.";
        NumberFormat nf = NumberFormat.getIntegerInstance(Locale.UK);
        int from = p.query().offset() + 1;
        int to = p.query().offset() + p.devices().size();
        return nf.format(from) + "–" + nf.format(to) + " of " + p.countInWords(); // "more than 10,000" past the count cap (issue 16)
    }

    /** The list again with the current search and filters (back to the first page when they changed). */
    void reload() {
        DeviceQuery base = query;
        load(new DeviceQuery(search.get(), kind.get(), mode.get(), status.get(), team.get(),
                base.sort(), base.descending(), sameFilters(base) ? base.offset() : 0, base.limit()));
    }

    void sortBy(DeviceQuery.Sort sort, boolean descending) {
        if (sort != query.sort() || descending != query.descending()) load(query.sortedBy(sort, descending));
    }

    void previousPage() {
        load(query.page(Math.max(0, query.offset() - query.limit()), query.limit()));
    }

    void nextPage() {
        load(query.page(query.offset() + query.limit(), query.limit()));
    }

    private void load(DeviceQuery wanted) {
        latest.run(() -> devices.list(session, wanted), p -> {
            query = p.query();
            page.set(p);
            outcome.set(FormOutcome.NONE);
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    private boolean sameFilters(DeviceQuery q) {
        return Objects.equals(blankToNull(q.text()), blankToNull(search.get())) && q.kind() == kind.get() && q.mode() == mode.get()
                && q.status() == status.get() && Objects.equals(q.team(), team.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void loadTeams() {
        tasks.run(() -> devices.teams(session), list -> {
            if (!list.equals(teams)) teams.setAll(list);
            if (team.get() != null && !list.contains(team.get())) team.set(null);
        }, t -> { });
    }

    /**
     * Scan-to-open (issue 21): a scanner types the asset tag and presses Enter; when the text is exactly a device's
     * asset tag, that device opens at once, whatever the list search then shows.
     */
    void scanToOpen(Consumer<Long> open) {
        String tag = search.get() == null ? "" : search.get().strip();
        if (tag.isEmpty()) return;
        tasks.run(() -> devices.byAssetTag(session, tag), found -> found.ifPresent(d -> {
            if (!tag.equals(search.get().strip())) return; // something else has been typed since
            open.accept(d.id());
        }), t -> outcome.set(FormOutcome.failed(t)));
    }

    void exportCsv(java.nio.file.Path file) {
        DeviceQuery q = query;
        tasks.run(() -> {
            try (var w = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
                return devices.exportCsv(session, q, w);
            }
        }, n -> outcome.set(FormOutcome.done(n + (n == 1 ? " device" : " devices") + " exported to " + file.getFileName() + ".")),
                t -> outcome.set(FormOutcome.failed(t)));
    }
}
