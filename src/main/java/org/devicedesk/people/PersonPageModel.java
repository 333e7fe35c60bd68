package org.devicedesk.people;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.FormOutcome;
import org.devicedesk.ui.Tasks;

/**
 * The view model of a person's page ({@link PersonPage}): the person, their declaration and its history
 * (loaded through {@link Tasks.Latest}, so opening another person while one is loading never shows the
 * first), and the three actions on it — signing the declaration (the person themself), recording a paper
 * one (the help desk) and marking them as left — each with its own outcome.
 */
final class PersonPageModel {
    /** What the page shows, loaded in one go; {@code failure} set when it could not be loaded. */
    record Shown(Person person, DeclarationState declaration, List<Declaration> history, Map<String, String> names) {
        /** Who recorded a declaration, by the name people know ("system" reads as Device Desk). */
        String recordedBy(Declaration d) {
            return names.getOrDefault(d.recordedBy(), d.recordedBy());
        }
    }

    private final PeopleService people;
    private final Session session;
    private final Function<String, String> names;
    private final Tasks.Latest latest;
    private final Tasks tasks;
    private final Runnable onChanged;

    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> loadFailure = new ReadOnlyObjectWrapper<>();
    private Long personId;
    final BooleanProperty busy = new SimpleBooleanProperty();
    final ObjectProperty<FormOutcome> declarationOutcome = new SimpleObjectProperty<>(FormOutcome.NONE);
    final ObjectProperty<FormOutcome> leavingOutcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    /** {@code names} turns a username into the name people know (run in the background). */
    PersonPageModel(PeopleService people, Session session, Function<String, String> names, Tasks tasks, Runnable onChanged) {
        this.people = people;
        this.session = session;
        this.names = names;
        this.tasks = tasks;
        this.latest = new Tasks.Latest(tasks);
        this.onChanged = onChanged;
    }

    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Throwable> loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    Long personId() {
        return personId;
    }

    LocalDate today() {
        return people.today();
    }

    boolean canManage() {
        return session.hasAny(Role.HELPDESK, Role.ADMIN);
    }

    boolean isSelf(long id) {
        return session.isSelf(id);
    }

    /** Whether the page offers the declaration to sign (the person's own page) or a paper one to record (the help desk). */
    boolean offersSigning(Person p) {
        return p.active() && session.isSelf(p.id());
    }

    boolean offersPaper(Person p) {
        return p.active() && !session.isSelf(p.id()) && canManage();
    }

    boolean offersLeaving(Person p) {
        return p.active() && canManage();
    }

    void show(long id) {
        personId = id;
        latest.run(() -> {
            List<Declaration> history = people.declarations(session, id);
            Map<String, String> who = new HashMap<>();
            for (Declaration d : history) if (d.recordedBy() != null) who.computeIfAbsent(d.recordedBy(), names);
            return new Shown(people.get(session, id), people.declaration(session, id), history, who);
        }, s -> {
            busy.set(false);
            declarationOutcome.set(FormOutcome.NONE);
            leavingOutcome.set(FormOutcome.NONE);
            loadFailure.set(null);
            shown.set(s);
        }, t -> {
            busy.set(false);
            loadFailure.set(t);
        });
    }

    void reload() {
        if (personId != null) show(personId);
    }

    /** The signed-in person signs their own declaration; unticked is refused by the service. */
    void sign(boolean confirmed) {
        act(() -> people.signDeclaration(session, confirmed), declarationOutcome);
    }

    void recordPaper(LocalDate signedOn) {
        Shown s = shown.get();
        if (s != null) act(() -> people.recordPaperDeclaration(session, s.person().id(), signedOn), declarationOutcome);
    }

    void markLeft(LocalDate leftOn) {
        Shown s = shown.get();
        if (s != null) act(() -> people.markLeft(session, s.person().id(), leftOn), leavingOutcome);
    }

    private interface Change {
        void run() throws Exception;
    }

    /** One change to the person: the page waits, then shows them anew (and the list is told), or says why not in {@code outcome}'s form. */
    private void act(Change change, ObjectProperty<FormOutcome> outcome) {
        busy.set(true);
        tasks.run(() -> {
            change.run();
            return null;
        }, x -> {
            onChanged.run();
            reload();
        }, t -> {
            busy.set(false);
            outcome.set(FormOutcome.failed(t));
        });
    }

    /** A typed date the field could not read: refused next to the field, nothing sent. */
    void refuseDate(boolean leaving, RuntimeException refusal) {
        (leaving ? leavingOutcome : declarationOutcome).set(FormOutcome.failed(refusal));
    }
}
