package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.devicedesk.people.PeopleService;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.ChangedBar;
import org.devicedesk.ui.Tasks;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The side panel of the device register, as a view over {@link DevicePageModel}: a heading, and tabs
 * holding its four sub-forms — the device form ({@link DeviceDetailsForm}), who holds it and the
 * hand-over form ({@link HandOverForm}) with the custody history and "who held it at…"
 * ({@link CustodyHistoryForm}), and a pool device's designated users ({@link DesignatedUsersForm}).
 * It builds controls and binds them; the state, the rules and the service calls are in the view models.
 */
final class DevicePage {
    private final DevicePageModel model;
    private final VBox root = new VBox(10);
    private final TabPane tabs = new TabPane();
    private final Map<DevicePageModel.Tab, Tab> tabOf;
    private final DeviceDetailsForm details;
    private final ChangedBar changedBar = new ChangedBar("device");
    private final java.util.function.Supplier<javafx.stage.Window> window;

    DevicePage(AppContext context, Consumer<Long> onChanged, Runnable onClose) {
        this.window = context::window;
        this.model = new DevicePageModel(context.session(), context.service(org.devicedesk.devices.DeviceService.class), context.service(org.devicedesk.people.PeopleService.class), context::displayName,
                context.clock(), Tasks.background(), onChanged, onClose);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("device-panel");
        root.setId("device-panel");
        root.setMinWidth(430);
        root.setPrefWidth(470);

        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setId("device-heading");
        heading.textProperty().bind(model.heading);
        HBox badgeBox = new HBox();
        badgeBox.setId("device-badge");
        model.deviceProperty().addListener((o, was, d) -> {
            if (d == null) badgeBox.getChildren().clear();
            else badgeBox.getChildren().setAll(DeviceBadgesUi.status(d.status()));
        });
        Button close = iconButton("device-close", new FontIcon(MaterialDesignC.CLOSE), "Close the device");
        close.setOnAction(e -> requestClose());
        // issue 21: the asset label of this device
        Button printLabel = iconButton("device-print-label", new FontIcon(MaterialDesignB.BARCODE), "Print the asset label");
        printLabel.setOnAction(e -> {
            Device d = model.device();
            if (d != null) LabelPrintDialog.open(context.window(), List.of(d));
        });
        printLabel.visibleProperty().bind(heading.textProperty().isNotEqualTo("New device"));
        HBox head = new HBox(10, heading, badgeBox, spacer(), printLabel, close);
        head.setAlignment(Pos.CENTER_LEFT);

        details = new DeviceDetailsForm(model.details, model, model.handOver.open, context::window);
        Tab custodyTab = new Tab("Custody");
        Tab detailsTab = new Tab("Details");
        Tab poolTab = new Tab("Designated users");
        custodyTab.setId("device-tab-custody");
        detailsTab.setId("device-tab-details");
        poolTab.setId("device-tab-pool");
        CustodyHistoryForm history = new CustodyHistoryForm(model, model.whoHeld);
        VBox custodyContent = new VBox(12, new HandOverForm(model.handOver, model).node(), history.node());
        VBox.setVgrow(history.node(), Priority.ALWAYS);
        custodyTab.setContent(tabContent(custodyContent));
        detailsTab.setContent(details.node());
        poolTab.setContent(tabContent(new DesignatedUsersForm(model.designated, model, () -> {
            Long id = model.deviceId();
            if (id != null) context.navigate("bookings", id);
        }).node()));
        for (Tab t : List.of(custodyTab, detailsTab, poolTab)) t.setClosable(false);
        tabOf = Map.of(DevicePageModel.Tab.CUSTODY, custodyTab, DevicePageModel.Tab.DETAILS, detailsTab, DevicePageModel.Tab.POOL, poolTab);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        // the tabs the device has, and the one the model selects; the person's own choice goes back to the model
        model.tabs.addListener((ListChangeListener<DevicePageModel.Tab>) c -> {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            tabs.getTabs().setAll(model.tabs.stream().map(tabOf::get).toList());
            if (selected != null && tabs.getTabs().contains(selected)) tabs.getSelectionModel().select(selected);
        });
        model.tab.addListener((o, was, now) -> tabs.getSelectionModel().select(tabOf.get(now)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            tabOf.forEach((key, tab) -> {
                if (tab == now) model.tab.set(key);
            });
        });
        root.getChildren().addAll(head, tabs, changedBar.node()); // at the foot: appearing, it moves nothing the person may be about to click

        // live: the open device follows changes made anywhere (a report of loss, a hand-over in another client);
        // while the person is editing it, a bar offers the reload instead of overwriting what they typed
        var session = context.session();
        context.live().follow(root, c -> model.device() != null && !model.creatingProperty().get() && !c.madeBy(session.username())
                        && (c.concerns("device", model.device().id()) || c.concerns("incident")),
                changes -> {
                    Long id = model.deviceId();
                    if (id == null) return;
                    if (model.editing()) changedBar.show(context.live(), changes, () -> model.show(id));
                    else model.show(id);
                });
        model.deviceProperty().addListener((o, was, now) -> changedBar.hide()); // the panel now shows the device as it is
    }

    /** What is typed here and not saved, in words, or null: the details changed or a hand-over form open (ADR 0014). */
    String unsavedChanges() {
        if (!model.editing()) return null;
        return model.creatingProperty().get() ? "the new device" : "your changes to " + model.heading.get();
    }

    /** The × or Esc: closes the device, asking first when a change is not saved. */
    void requestClose() {
        if (mayLeave("close it")) model.close();
    }

    /** True when nothing would be lost, or the person chose to lose it in order to {@code toDo} ("close it"). */
    boolean mayLeave(String toDo) {
        String unsaved = unsavedChanges();
        return unsaved == null || org.devicedesk.ui.Confirm.leaveUnsaved(window.get(), unsaved, toDo);
    }

    /** Forgets the device shown (the panel was closed): selecting it again opens it afresh. */
    void forget() {
        model.forget();
        changedBar.hide();
    }

    Node node() {
        return root;
    }

    /** Blank form for a new device. */
    void showNew() {
        model.showNew();
        details.focusFirst();
    }

    void show(long id) {
        model.show(id);
    }

    Long deviceId() {
        return model.deviceId();
    }

    // ---- small pieces the sub-forms share ----

    static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        return t;
    }

    /** An icon-only button, with its words as tooltip and accessible text (issue 17). */
    static Button iconButton(String id, FontIcon icon, String words) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(words));
        b.setAccessibleText(words);
        return b;
    }

    static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    static ScrollPane tabContent(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12, 2, 4, 2));
        VBox.setVgrow(content, Priority.ALWAYS);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    /** Shown (and taking room) exactly while {@code shown} holds. */
    static void shownWhen(Node n, ObservableBooleanValue shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }

    static void personCombo(ComboBox<PeopleService.Row> combo) {
        combo.setConverter(new StringConverter<>() {
            @Override public String toString(PeopleService.Row r) { return r == null ? "" : DeviceBadgesUi.person(r); }
            @Override public PeopleService.Row fromString(String s) { return null; }
        });
        combo.setPromptText("Choose a person");
        combo.setVisibleRowCount(12);
        combo.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(PeopleService.Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DeviceBadgesUi.person(item));
            }
        });
    }
}
