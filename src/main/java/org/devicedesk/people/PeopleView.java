package org.devicedesk.people;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The people screen ({@code nav-people}): the list with search, filters, sorting and CSV export, and
 * beside it the person page or the person form. A STAFF-only account sees its own page ("My page")
 * instead, where the annual declaration is signed. {@code show(personId)} opens that person's page.
 */
public final class PeopleView implements Screen {
    /** The first entry of the team filter; no team is called this. */
    private static final String ALL_TEAMS = "All teams";
    private final AppContext context;
    private final PeopleService people;
    private final Session session;
    private final StackPane root = new StackPane();
    private final boolean staffOnly;

    // the list (HELPDESK, ADMIN, INFOSEC, DPO)
    private final ObservableList<PeopleService.Row> rows = FXCollections.observableArrayList();
    private final TableView<PeopleService.Row> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<String> team = new ComboBox<>();
    private final ComboBox<DeclarationState.State> declaration = new ComboBox<>();
    private final CheckBox includeLeft = new CheckBox("Show people who have _left");
    private final Label count = new Label();
    private final FormMessages listMessages = new FormMessages("people");
    private final StackPane side = new StackPane();
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private PersonPage page;
    private PersonForm form;
    private final PeopleModel list;
    private BorderPane layout;
    private final java.util.function.BiConsumer<AppContext, Runnable> directorySync;

    public PeopleView(AppContext context) {
        this(context, PersonPageSection.NONE, null);
    }

    /**
     * {@code devices} fills the {@code person-devices} section of each person page (see {@link PersonPageSection});
     * {@code directorySync} opens the directory sync (the directory feature's, wired by the application root so that
     * people does not depend on directory; null: no sync button).
     */
    public PeopleView(AppContext context, PersonPageSection devices, java.util.function.BiConsumer<AppContext, Runnable> directorySync) {
        this.directorySync = directorySync;
        this.context = context;
        this.people = context.service(PeopleService.class);
        this.session = context.session();
        this.staffOnly = onlyOwnPage(session);
        this.list = new PeopleModel(session, people, org.devicedesk.ui.Tasks.background());
        if (staffOnly) {
            buildMyPage(devices);
        } else {
            buildList(devices);
            // live: people added or changed in another client show in the list in place (ADR 0010)
            context.live().follow(table, c -> c.concerns("person", "account"), changes -> reload());
        }
    }

    /** Whether the signed-in person sees only their own page here ("My page"), not the people list. */
    public static boolean onlyOwnPage(Session s) {
        return !s.hasAny(Role.HELPDESK, Role.ADMIN, Role.INFOSEC, Role.DPO);
    }

    @Override public Node node() {
        return root;
    }

    @Override public void show(Object argument) {
        if (staffOnly) {
            if (session.personId() != null) page.show(session.personId());
            return;
        }
        reload();
        loadTeams();
        if (argument instanceof Long id) openPage(id);
        else if (argument instanceof Integer id) openPage(id.longValue());
    }

    // ---- My page (STAFF only) ----

    private void buildMyPage(PersonPageSection devices) {
        Label title = new Label("My page");
        title.setId("people-my-page-title");
        title.getStyleClass().add(Styles.TITLE_2);
        VBox box = new VBox(12, title);
        box.setMaxWidth(780);
        if (session.personId() == null) {
            Label l = new Label("Your account is not linked to a person in the register, so there is no declaration to sign. "
                    + "Ask an administrator to link your account to your person record.");
            l.setWrapText(true);
            box.getChildren().add(l);
        } else {
            page = new PersonPage(context, devices, true, p -> {}, () -> {}, null);
            VBox.setVgrow(page.node(), Priority.ALWAYS);
            box.getChildren().add(page.node());
        }
        StackPane.setAlignment(box, Pos.TOP_CENTER);
        root.getChildren().add(box);
    }

    // ---- the list ----

    private void buildList(PersonPageSection devices) {
        boolean canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        page = new PersonPage(context, devices, false, this::openEdit, this::reload, this::closeSide);
        form = new PersonForm(people, session, this::saved, this::cancelForm);

        Label title = new Label("People");
        title.getStyleClass().add(Styles.TITLE_2);
        search.setId("people-search");
        search.setPromptText("Search name, email, staff no., team");
        search.setPrefWidth(290);
        search.textProperty().bindBidirectional(list.search);
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            reload();
            e.consume(); // Enter in the search box never saves an open form
        });
        typing.setOnFinished(e -> reload());

        category.setId("people-category");
        category.getItems().add(null);
        category.getItems().addAll(Category.values());
        labelled(category, c -> c == null ? "All categories" : c.label());
        category.valueProperty().bindBidirectional(list.category);
        category.valueProperty().addListener((o, a, b) -> reload());

        team.setId("people-team");
        team.getItems().setAll(List.of(ALL_TEAMS));
        team.setValue(ALL_TEAMS);
        team.valueProperty().addListener((o, a, b) -> {
            list.team.set(b == null || ALL_TEAMS.equals(b) ? null : b);
            reload();
        });
        list.teams.addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = list.team.get();
            List<String> items = new java.util.ArrayList<>();
            items.add(ALL_TEAMS);
            items.addAll(list.teams);
            team.getItems().setAll(items);
            // replacing the items can move the selection onto a team; put back what was chosen
            team.setValue(chosen != null && list.teams.contains(chosen) ? chosen : ALL_TEAMS);
        });

        declaration.setId("people-declaration");
        declaration.getItems().addAll(null, DeclarationState.State.CURRENT, DeclarationState.State.EXPIRING, DeclarationState.State.MISSING);
        labelled(declaration, s -> s == null ? "Any declaration" : s == DeclarationState.State.EXPIRING ? "Expiring (last 30 days)"
                : s == DeclarationState.State.MISSING ? "Missing or expired" : s.label());
        declaration.valueProperty().bindBidirectional(list.declaration);
        declaration.valueProperty().addListener((o, a, b) -> reload());

        includeLeft.setId("people-include-left");
        includeLeft.selectedProperty().bindBidirectional(list.includeLeft);
        includeLeft.selectedProperty().addListener((o, a, b) -> reload());

        Button export = new Button("E_xport CSV", new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        export.setId("people-export");
        export.setOnAction(e -> export());
        // the buttons beside the title wrap onto a second line when a person's page narrows the list (1366 wide)
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 8);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(0);
        HBox.setHgrow(actions, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox titleRow = new HBox(10, title, actions);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        if (session.personId() != null) {
            Button mine = new Button("M_y page", new FontIcon(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE));
            mine.setId("people-my-page");
            mine.setOnAction(e -> openPage(session.personId()));
            actions.getChildren().add(mine);
        }
        actions.getChildren().add(export);
        if (canManage) {
            Button add = new Button("_New person", new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
            add.setId("people-new");
            add.getStyleClass().add(Styles.ACCENT);
            add.setOnAction(e -> openNew());
            actions.getChildren().add(add);
            // issue 19: the directory sync's preview and apply
            if (this.directorySync != null) {
                Button directorySync = new Button("Sync with _directory", new FontIcon(MaterialDesignA.ACCOUNT_SYNC_OUTLINE));
                directorySync.setId("people-sync");
                directorySync.setOnAction(e -> this.directorySync.accept(context, this::reload));
                actions.getChildren().add(actions.getChildren().indexOf(add), directorySync);
            }
        }
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(8, 8, search, category, team, declaration, includeLeft);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPrefWrapLength(600);
        for (Region r : List.<Region>of(category, team, declaration)) r.setMinWidth(Region.USE_PREF_SIZE);
        category.setPrefWidth(170);
        team.setPrefWidth(170);
        declaration.setPrefWidth(200);
        count.setId("people-count");
        count.textProperty().bind(list.count);
        list.outcome.addListener((o, was, now) -> now.showIn(listMessages));
        list.foundProperty().addListener((o, was, found) -> {
            Long selected = page.personId();
            org.devicedesk.ui.LiveChanges.replaceKeepingPlace(table, rows, found, r -> r.person().id());
            if (selected != null) {
                rows.stream().filter(r -> r.person().id() == selected).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        count.getStyleClass().add(Styles.TEXT_MUTED);

        buildTable();
        VBox listBox = new VBox(10, titleRow, filters, listMessages.node(), table, count);
        VBox.setVgrow(table, Priority.ALWAYS);

        side.getStyleClass().add("side-panel");
        side.setPrefWidth(470);
        side.setMinWidth(420);
        side.setMaxWidth(640);
        side.setPadding(new Insets(0, 0, 0, 12));
        // the list and the open person side by side, the divider movable (ADR 0014)
        split.getItems().setAll(listBox);
        split.setId("people-split");
        javafx.scene.control.SplitPane.setResizableWithParent(side, false);
        BorderPane layout = new BorderPane(split);
        root.getChildren().add(layout);
        this.layout = layout;
    }

    private static <T> void labelled(ComboBox<T> combo, Function<T, String> text) {
        combo.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        });
        combo.setButtonCell(new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(text.apply(empty ? null : item));
            }
        });
    }

    private void buildTable() {
        table.setId("people-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No one matches these filters."));
        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        TableColumn<PeopleService.Row, String> name = column("Name", r -> r.person().fullName(), text, 190);
        TableColumn<PeopleService.Row, String> cat = column("Category", r -> r.person().category().label(), text, 170);
        TableColumn<PeopleService.Row, String> tm = column("Team", r -> r.person().team(), text, 140);
        TableColumn<PeopleService.Row, String> manager = column("Line manager", r -> r.person().lineManagerName(), text, 150);
        // most urgent first when ascending: missing, expired, expiring, current; then by expiry
        TableColumn<PeopleService.Row, DeclarationState> decl = Columns.of("Declaration", PeopleService.Row::declaration,
                d -> Columns.Shown.graphic(PersonPage.declarationBadge(d)),
                Comparator.comparing((DeclarationState d) -> switch (d.state()) {
                    case MISSING -> 0;
                    case EXPIRED -> 1;
                    case EXPIRING -> 2;
                    case CURRENT -> 3;
                }).thenComparing(DeclarationState::expiresOn, Comparator.nullsFirst(Comparator.naturalOrder())));
        decl.setPrefWidth(110);
        TableColumn<PeopleService.Row, LocalDate> until = Columns.of("Current until", r -> r.declaration().lastCurrentDay(),
                d -> Columns.Shown.text(PersonPage.SHORT.format(d)), Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));
        until.setPrefWidth(120);
        until.setMinWidth(115); // the header reads whole beside an open person page
        TableColumn<PeopleService.Row, String> status = column("Status",
                r -> r.person().active() ? "Active" : "Left " + (r.person().leftOn() == null ? "" : PersonPage.SHORT.format(r.person().leftOn())), text, 110);
        table.getColumns().setAll(List.of(name, cat, tm, manager, decl, until, status));
        org.devicedesk.ui.Tables.fit(table);
        // with the person page open beside the list, what the page shows anyway makes way
        manager.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(side.getChildren()));
        // the page's badge says the category: the list keeps name, team and the declaration readable beside it
        cat.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(side.getChildren()));
        status.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(side.getChildren()).or(includeLeft.selectedProperty()));
        SortedList<PeopleService.Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSortOrder().add(name);
        org.devicedesk.ui.Tables.openChosenRow(table, row -> page.personId() == null || page.personId() != row.person().id()
                        || side.getChildren().isEmpty() || side.getChildren().get(0) != page.node(),
                this::unsavedChanges, row -> row.person().fullName(), context::window, row -> openPage(row.person().id()));
    }

    /** The person form, when it is open and holds something not saved (ADR 0014): navigating, signing out, closing ask. */
    @Override
    public String unsavedChanges() {
        return formShown() ? form.unsavedChanges() : null;
    }

    @Override
    public void discardChanges() {
        if (formShown()) cancelForm();
    }

    /** Whether the person form is open (staff's "My page" has none). */
    private boolean formShown() {
        return form != null && side.getChildren().contains(form.node());
    }

    private static <T> TableColumn<PeopleService.Row, T> column(String title, Function<PeopleService.Row, T> value, Comparator<T> comparator, double width) {
        return Columns.width(Columns.plain(title, value, comparator), width);
    }

    /** Reloads the list in the background; an older answer arriving late is ignored ({@link PeopleModel}). */
    private void reload() {
        list.reload();
    }

    private void loadTeams() {
        list.loadTeams();
    }

    private void openPage(long id) {
        page.show(id);
        showSide(page.node());
    }

    private void openNew() {
        String unsaved = unsavedChanges();
        if (unsaved != null && !org.devicedesk.ui.Confirm.leaveUnsaved(context.window(), unsaved, "start a new person")) return;
        table.getSelectionModel().clearSelection();
        withEveryone(everyone -> {
            form.open(null, everyone, teamNames());
            showSide(form.node());
        });
    }

    private void openEdit(Person p) {
        withEveryone(everyone -> {
            form.open(p, everyone, teamNames());
            showSide(form.node());
        });
    }

    private List<String> teamNames() {
        return team.getItems().stream().filter(t -> t != null && !ALL_TEAMS.equals(t)).toList();
    }

    /** The line-manager list needs everyone, whatever the filters show. */
    private void withEveryone(java.util.function.Consumer<List<Person>> then) {
        list.withEveryone(then);
    }

    private void saved(long id) {
        reload();
        loadTeams();
        openPage(id);
    }

    private void cancelForm() {
        if (page.personId() != null && table.getSelectionModel().getSelectedItem() != null) showSide(page.node());
        else closeSide();
    }

    private void showSide(Node n) {
        side.getChildren().setAll(n);
        if (!split.getItems().contains(side)) {
            split.getItems().add(side);
            split.setDividerPositions(splitAt);
        }
    }

    private final javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane();
    private double splitAt = 0.6;

    private void closeSide() {
        side.getChildren().clear();
        if (split.getItems().contains(side)) {
            splitAt = split.getDividerPositions()[0];
            split.getItems().remove(side);
        }
        table.getSelectionModel().clearSelection();
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the people list");
        chooser.setInitialFileName("people-" + people.today() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(context.window());
        if (file == null) return;
        list.exportCsv(file.toPath(), List.copyOf(table.getItems()));
    }

    /** For tests and the screenshot tool: the rows the table shows, in order. */
    List<PeopleService.Row> shownRows() {
        return List.copyOf(table.getItems());
    }
}
