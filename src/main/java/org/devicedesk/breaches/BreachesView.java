package org.devicedesk.breaches;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The DPO's breach screen (SPEC section 5): the queue of every case with a live countdown to the
 * ICO deadline (open ones first, least time left on top, amber in the last 24 hours, red once
 * overdue; decided and closed ones below), the case page, the breach register, and opening a case
 * that did not come from an incident. An administrator sees it all read-only.
 */
public final class BreachesView implements Screen {
    /** How often the countdowns are rewritten, from the cases already loaded (no database work). */
    static final Duration TICK = Duration.seconds(15);

    private final BreachService breaches;
    private final Session session;
    private final BreachesModel model;
    private final StackPane root = new StackPane();
    private final VBox queuePage = new VBox(12);
    private final BreachPage page;
    private final BreachRegisterView register;
    private final BreachNewForm newForm;
    private final FormMessages queueMessages = new FormMessages("breaches");
    private final TableView<BreachCase> table = new TableView<>();
    private final TextField search = new TextField();
    private final Label count = new Label();
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private final Timeline ticker = new Timeline(new KeyFrame(TICK, e -> tick()));

    public BreachesView(AppContext context) {
        this.breaches = context.service(BreachService.class);
        this.session = context.session();
        this.model = new BreachesModel(breaches, session, org.devicedesk.ui.Tasks.background());
        this.page = new BreachPage(breaches, context.service(org.devicedesk.incidents.IncidentService.class), session, this::showQueue, this::decided);
        this.register = new BreachRegisterView(breaches, session, this::showQueue, this::showCase, context::window);
        this.newForm = new BreachNewForm(breaches, session, this::showQueue, this::showCase);
        buildQueue();
        root.getChildren().setAll(queuePage);
        // live: a referral or a decision in another client shows in the queue in place (ADR 0010)
        context.live().follow(queuePage, c -> c.concerns("breach_case", "incident"), changes -> reload());
        root.setId("breaches-screen");
        root.setUserData(this);
        ticker.setCycleCount(Animation.INDEFINITE);
        // the countdowns run while the screen is showing
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) ticker.stop();
            else ticker.play();
        });
    }

    @Override public Node node() {
        return root;
    }

    /** A case id (number or digits) opens that case (the dashboard's links); "new" the form; "register" the register. */
    @Override public void show(Object argument) {
        if (argument instanceof Number n) {
            showCase(n.longValue());
        } else if (argument instanceof String s && s.strip().matches("\\d+")) {
            showCase(Long.parseLong(s.strip()));
        } else if ("new".equals(argument) && session.has(Role.DPO)) {
            showNew();
        } else if ("register".equals(argument)) {
            showRegister();
        } else {
            showQueue();
        }
    }

    /** The case page, when it is shown and the DPO has changed something not saved (ADR 0014). */
    @Override
    public String unsavedChanges() {
        return root.getChildren().contains(page.node()) ? page.unsavedChanges() : null;
    }

    @Override
    public void discardChanges() {
        page.forgetChanges();
    }

    private void showQueue() {
        root.getChildren().setAll(queuePage);
        reload();
    }

    private void showCase(long id) {
        page.open(id);
        root.getChildren().setAll(page.node());
    }

    private void showNew() {
        root.getChildren().setAll(newForm.node());
        newForm.start();
    }

    private void showRegister() {
        root.getChildren().setAll(register.node());
        register.reload();
    }

    /** A decision took the case out of the open queue: back to the queue, which says what was recorded. */
    private void decided(BreachCase c) {
        model.decided(c);
        showQueue();
    }

    void tick() {
        model.tick(); // the clock only: the cases are already loaded
        table.refresh();
        page.tick(model.now());
    }

    private void buildQueue() {
        Label title = new Label("Breach cases");
        title.getStyleClass().add(Styles.TITLE_2);
        Label sub = new Label("Open cases first, least time left on top. The ICO must be told of a reportable breach within "
                + "72 hours of the office becoming aware (UK GDPR Article 33).");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);
        Button registerButton = new Button("Breach _register", new FontIcon(MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE));
        registerButton.setId("breaches-register");
        registerButton.setOnAction(e -> showRegister());
        registerButton.setMinWidth(Region.USE_PREF_SIZE);
        Spacer spacer = new Spacer();
        VBox titles = new VBox(2, title, sub);
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox top = new HBox(10, titles, spacer, registerButton);
        if (session.has(Role.DPO)) {
            Button create = new Button("_Open a case", new FontIcon(MaterialDesignP.PLUS));
            create.setId("breaches-new");
            create.getStyleClass().add(Styles.ACCENT);
            create.setOnAction(e -> showNew());
            create.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(create);
        }
        top.setAlignment(Pos.CENTER_LEFT);

        search.setId("breaches-search");
        search.setAccessibleText("Search breach cases by reference, title, incident or ICO reference"); // the magnifier beside it is only a picture
        search.setPromptText("Search reference, title, incident or ICO reference");
        search.setPrefColumnCount(30);
        search.textProperty().bindBidirectional(model.search());
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        typing.setOnFinished(e -> reload());
        count.setId("breaches-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(model.count());
        HBox filters = new HBox(10, new FontIcon(MaterialDesignM.MAGNIFY), search, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        queuePage.getChildren().setAll(top, filters, queueMessages.node(), table);
    }

    private void buildTable() {
        BreachUi.casesTable(table, "breaches-table",
                "No breach cases. Every incident reported is referred here; you can also open a case yourself.", model.rows, this::showCase);
        model.replaceRowsWith(loaded -> org.devicedesk.ui.LiveChanges.replaceKeepingPlace(table, model.rows, loaded, BreachCase::id));

        TableColumn<BreachCase, String> ref = BreachUi.textColumn("Reference", BreachCase::reference, 125);
        ref.setMinWidth(125);
        TableColumn<BreachCase, BreachCase> left = Columns.width(
                Columns.rowBadge("ICO deadline", b -> BreachUi.countdownBadge(b, model.now()), BreachService.QUEUE_ORDER), 175, 175);
        TableColumn<BreachCase, BreachCase> status = Columns.width(Columns.rowBadge("Status", b -> BreachUi.shortStatusBadge(b.status()),
                Comparator.comparing((BreachCase b) -> b.status().ordinal())), 135, 135);
        TableColumn<BreachCase, BreachCase.Risk> risk = BreachUi.riskColumn();
        TableColumn<BreachCase, String> source = BreachUi.textColumn("Source", BreachCase::source, 150);
        source.setMinWidth(150);
        TableColumn<BreachCase, Instant> aware = BreachUi.awareColumn(BreachUi.SHORT_WHEN, 140);
        TableColumn<BreachCase, String> what = BreachUi.textColumn("Title", BreachUi::shortTitle, 300);
        table.getColumns().setAll(List.of(ref, left, status, risk, source, aware, org.devicedesk.ui.Tables.mayShorten(what)));
        org.devicedesk.ui.Tables.fit(table);
    }

    private void reload() {
        model.reload(message -> {
            if (message != null) queueMessages.success(message);
            else queueMessages.clear();
        }, queueMessages::show);
    }

    /** For tests: the cases as the queue shows them now. */
    List<BreachCase> shownRows() {
        return List.copyOf(table.getItems());
    }
}
