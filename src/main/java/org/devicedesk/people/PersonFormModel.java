package org.devicedesk.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.FormState;
import org.devicedesk.ui.Reload;
import org.devicedesk.ui.Tasks;

/**
 * The view model of the person form ({@link PersonForm}, {@code person-*}): create or edit a person, the
 * line managers one may choose (active people, and the current manager even after they have left; never the
 * person themself), the save at the version the form was loaded at, and the reload after a refused stale save.
 */
final class PersonFormModel {
    /** Stands for "no line manager" in the list, so it can be chosen like anyone else. */
    static final Person NO_MANAGER = new Person(-1, "No line manager", null, null, Category.EMPLOYEE, null, null, null, true, null, null, null, 0);

    private final PeopleService people;
    private final Session session;
    private final Tasks tasks;
    private final LongConsumer onSaved;

    final StringProperty title = new SimpleStringProperty("");
    final StringProperty fullName = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final StringProperty staffNumber = new SimpleStringProperty("");
    final ObjectProperty<Category> category = new SimpleObjectProperty<>(Category.EMPLOYEE);
    final StringProperty team = new SimpleStringProperty("");
    final ObjectProperty<Person> lineManager = new SimpleObjectProperty<>(NO_MANAGER);
    final ObservableList<Person> managers = FXCollections.observableArrayList();
    final ObservableList<String> teams = FXCollections.observableArrayList();
    /** Saving, the outcome shown in {@code person-message}, and the Reload after a refused stale save. */
    final FormState form = new FormState();
    final ObjectProperty<FormOutcome> outcome = form.outcome;
    final BooleanProperty reloadOffered = form.reloadOffered;
    final BooleanProperty saving = form.saving;
    /** The person as the form was loaded (its version goes with the save); null for a new person. */
    private Person loaded;

    PersonFormModel(PeopleService people, Session session, Tasks tasks, LongConsumer onSaved) {
        this.people = people;
        this.session = session;
        this.tasks = tasks;
        this.onSaved = onSaved;
    }

    /** Opens the form for a new person ({@code person} null) or to edit one; {@code everyone} feeds the line-manager list. */
    void open(Person person, List<Person> everyone, List<String> teamNames) {
        loaded = person;
        form.clear();
        title.set(person == null ? "New person" : "Edit " + person.fullName());
        Long currentManager = person == null ? null : person.lineManagerId();
        List<Person> list = new ArrayList<>();
        list.add(NO_MANAGER);
        everyone.stream().filter(p -> p.active() || (currentManager != null && p.id() == currentManager))
                .filter(p -> person == null || p.id() != person.id())
                .sorted(Comparator.comparing(Person::fullName, String.CASE_INSENSITIVE_ORDER))
                .forEach(list::add);
        managers.setAll(list);
        teams.setAll(teamNames);
        fill(person == null ? new PersonDraft("", "", "", Category.EMPLOYEE, "", null) : person.draft());
    }

    private void fill(PersonDraft d) {
        fullName.set(nz(d.fullName()));
        email.set(nz(d.email()));
        staffNumber.set(nz(d.staffNumber()));
        category.set(d.category());
        team.set(nz(d.team()));
        lineManager.set(managers.stream().filter(m -> d.lineManagerId() != null && m.id() == d.lineManagerId()).findFirst().orElse(NO_MANAGER));
        filled = typed();
    }

    /** What the form held when it was opened or reloaded: anything else typed is unsaved. */
    private PersonDraft filled;

    /** What is typed and not saved, in words ("the new person", "your changes to Ann Able"), or null when nothing is. */
    String unsavedChanges() {
        if (filled == null || typed().equals(filled)) return null;
        return loaded == null ? "the new person" : "your changes to " + loaded.fullName();
    }

    PersonDraft typed() {
        Person manager = lineManager.get();
        return new PersonDraft(fullName.get(), email.get(), staffNumber.get(), category.get(), team.get(),
                manager == null || manager == NO_MANAGER ? null : manager.id());
    }

    void save() {
        PersonDraft draft = typed();
        Long id = loaded == null ? null : loaded.id();
        Long version = loaded == null ? null : loaded.version(); // the version the form was loaded at
        form.saving();
        tasks.run(() -> {
            if (id == null) return people.create(session, draft);
            people.update(session, id, version, draft);
            return id;
        }, saved -> {
            form.done(null);
            onSaved.accept(saved);
        }, form::failed);
    }

    /** After a conflict: the record as saved now, with the person's own changes kept where the other person did not change the field. */
    void reload() {
        if (loaded == null) return;
        Person loadedAt = loaded;
        PersonDraft mine = typed();
        form.reloading.set(true);
        tasks.run(() -> people.get(session, loadedAt.id()), fresh -> {
            var merged = Reload.merge(loadedAt.draft(), mine, fresh.draft(),
                    "full name", "email", "staff number", "category", "team", "line manager");
            loaded = fresh;
            fill(merged.draft());
            form.done(merged.explain(fresh.fullName() + "'s record"));
        }, form::failed);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
