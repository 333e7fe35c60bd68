package org.devicedesk.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.devicedesk.core.AppClock;
import org.devicedesk.core.ChangeFeed;
import org.devicedesk.core.ChangeFeed.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live views (ADR 0010): the signed-in window's one subscription to the database's {@link ChangeFeed},
 * handed to the screens on the JavaFX thread. A screen follows the changes that concern it while its node is
 * on screen (a screen that is not shown reloads when it is shown again, as it always did); several changes
 * within a quarter of a second come as one batch, so a burst reloads a list once. Also the "Reconnecting…"
 * state the header shows while the shared server is away.
 */
public final class LiveChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveChanges.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(AppClock.OFFICE_ZONE);
    private static final long BATCH_MILLIS = 250;

    private record Follower(Node shownWhile, Predicate<Change> relevant, Consumer<List<Change>> onFx) {}

    private final ChangeFeed feed;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final List<Change> pending = new ArrayList<>();
    private final ReadOnlyBooleanWrapper reconnecting = new ReadOnlyBooleanWrapper(false);
    private final Function<String, String> names;
    private final ConcurrentHashMap<String, String> nameCache = new ConcurrentHashMap<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private boolean scheduled;
    private volatile boolean closed;

    /** {@code names} turns a username into the name people know (run in the background). */
    public LiveChanges(ChangeFeed feed, Function<String, String> names) {
        this.feed = feed;
        this.names = names;
        if (feed != null) {
            subscriptions.add(feed.subscribe(this::arrived));
            subscriptions.add(feed.onState(s -> Platform.runLater(() -> reconnecting.set(s == ChangeFeed.State.RECONNECTING))));
        }
    }

    /** True while the shared database server cannot be reached. */
    public ReadOnlyBooleanProperty reconnectingProperty() {
        return reconnecting.getReadOnlyProperty();
    }

    /** Calls {@code onFx} on the JavaFX thread with the relevant changes, whenever {@code shownWhile} is on screen. */
    public void follow(Node shownWhile, Predicate<Change> relevant, Consumer<List<Change>> onFx) {
        followers.add(new Follower(shownWhile, relevant, onFx));
    }

    private void arrived(List<Change> changes) {
        synchronized (pending) {
            pending.addAll(changes);
            if (scheduled) return;
            scheduled = true;
        }
        Thread t = new Thread(() -> { // gather a burst, then one hand-over to the JavaFX thread
            try {
                Thread.sleep(BATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(this::deliver);
        }, "devicedesk-changes-batch");
        t.setDaemon(true);
        t.start();
    }

    private void deliver() {
        List<Change> batch;
        synchronized (pending) {
            batch = List.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        if (closed) return;
        for (Follower f : followers) {
            if (f.shownWhile().getScene() == null) continue;
            List<Change> mine = batch.stream().filter(f.relevant()).toList();
            if (mine.isEmpty()) continue;
            try {
                f.onFx().accept(mine);
            } catch (RuntimeException e) {
                LOG.error("A screen failed to follow a change", e);
            }
        }
    }

    /** "Changed by Sam Patel at 10:42 — reload", the name looked up in the background. */
    public void describe(Change change, Consumer<String> onFx) {
        String when = change.at() == null ? "" : " at " + HH_MM.format(change.at());
        String cached = nameCache.get(change.actor());
        if (cached != null) {
            onFx.accept("Changed by " + cached + when + " — reload to see it.");
            return;
        }
        Background.run(() -> names.apply(change.actor()), name -> {
            nameCache.put(change.actor(), name);
            onFx.accept("Changed by " + name + when + " — reload to see it.");
        }, t -> onFx.accept("Changed by someone else" + when + " — reload to see it."));
    }

    /** The most recent change in a batch. */
    public static Change latest(List<Change> changes) {
        Change last = changes.get(changes.size() - 1);
        for (Change c : changes) if (!c.everything() && c.at() != null && (last.at() == null || c.at().isAfter(last.at()))) last = c;
        return last;
    }

    /**
     * Replaces a table's rows in place: the selected row (by {@code key}) stays selected and the rows in view
     * stay in view, so a list that follows other people's changes does not jump under the person reading it.
     */
    public static <T> void replaceKeepingPlace(TableView<T> table, List<T> rows, Function<T, Object> key) {
        replaceKeepingPlace(table, table.getItems(), rows, key);
    }

    /** The same for a table showing {@code backing} through a sorted or filtered view. */
    public static <T> void replaceKeepingPlace(TableView<T> table, javafx.collections.ObservableList<T> backing, List<T> rows, Function<T, Object> key) {
        T selected = table.getSelectionModel().getSelectedItem();
        Object selectedKey = selected == null ? null : key.apply(selected);
        int first = firstVisible(table);
        boolean focused = table.isFocused();
        backing.setAll(rows);
        if (selectedKey != null) {
            List<T> shown = table.getItems();
            for (int i = 0; i < shown.size(); i++) {
                if (selectedKey.equals(key.apply(shown.get(i)))) {
                    table.getSelectionModel().select(i);
                    break;
                }
            }
        }
        if (first > 0) table.scrollTo(Math.min(first, Math.max(0, table.getItems().size() - 1)));
        if (focused) table.requestFocus();
    }

    private static int firstVisible(TableView<?> table) {
        for (Node n : table.lookupAll(".virtual-flow")) {
            if (n instanceof VirtualFlow<?> flow) {
                IndexedCell<?> cell = flow.getFirstVisibleCell();
                return cell == null ? 0 : cell.getIndex();
            }
        }
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        followers.clear();
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
