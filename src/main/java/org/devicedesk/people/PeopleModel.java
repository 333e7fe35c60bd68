package org.devicedesk.people;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the people list ({@link PeopleView}): the search and filters, the rows found, the count
 * line and the teams to filter by. Searches run through {@link Tasks.Latest}: an older search's rows never
 * replace a newer one's.
 */
final class PeopleModel {
    private final Session session;
    private final PeopleService people;
    private final Tasks tasks;
    private final Tasks.Latest latest;

    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    /** {@code null}: every team. */
    final ObjectProperty<String> team = new SimpleObjectProperty<>();
    final ObjectProperty<DeclarationState.State> declaration = new SimpleObjectProperty<>();
    final BooleanProperty includeLeft = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<List<PeopleService.Row>> found = new ReadOnlyObjectWrapper<>(List.of());
    final ObservableList<String> teams = FXCollections.observableArrayList();
    final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    final StringBinding count;

    PeopleModel(Session session, PeopleService people, Tasks tasks) {
        this.session = session;
        this.people = people;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        count = Bindings.createStringBinding(() -> found.get().size() == 1 ? "1 person" : found.get().size() + " people", found);
    }

    /** The rows of the latest search, in the service's order. */
    ReadOnlyObjectProperty<List<PeopleService.Row>> foundProperty() {
        return found.getReadOnlyProperty();
    }

    PeopleService.Query query() {
        return new PeopleService.Query(search.get(), category.get(), team.get(), declaration.get(), includeLeft.get());
    }

    void reload() {
        PeopleService.Query q = query();
        latest.run(() -> people.list(session, q), list -> {
            outcome.set(FormOutcome.NONE);
            found.set(List.copyOf(list));
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    void loadTeams() {
        tasks.run(() -> people.teams(session), list -> {
            String chosen = team.get();
            teams.setAll(list);
            team.set(chosen != null && list.contains(chosen) ? chosen : null);
        }, t -> outcome.set(FormOutcome.failed(t)));
    }

    /** Everyone, whatever the filters show (a line manager can be anyone), then {@code then}. */
    void withEveryone(Consumer<List<Person>> then) {
        tasks.run(() -> people.list(session, new PeopleService.Query(null, null, null, null, true)),
                list -> then.accept(list.stream().map(PeopleService.Row::person).toList()), t -> outcome.set(FormOutcome.failed(t)));
    }

    void exportCsv(java.nio.file.Path file, List<PeopleService.Row> shown) {
        tasks.run(() -> {
            try (var w = new java.io.OutputStreamWriter(java.nio.file.Files.newOutputStream(file), java.nio.charset.StandardCharsets.UTF_8)) {
                PeopleCsv.write(w, shown);
            }
            return shown.size();
        }, n -> outcome.set(FormOutcome.done("Exported " + n + (n == 1 ? " person" : " people") + " to " + file.getFileName() + ".")),
                t -> outcome.set(FormOutcome.failed(t)));
    }
}
