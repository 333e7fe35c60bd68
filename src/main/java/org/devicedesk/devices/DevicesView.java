package org.devicedesk.devices;

import atlantafx.base.theme.Styles;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.CsvImportDialog;
import org.devicedesk.ui.FormMessages;
import org.devicedesk.ui.Screen;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The device register for the helpdesk (SPEC section 2): search and filters run in the database one
 * page at a time, so the list stays quick with a hundred thousand devices; clicking a column sorts in
 * the database too. Selecting a device opens its panel on the right.
 */
public final class DevicesView implements Screen {
    private final AppContext context;
    private final Session session;
    private final DeviceService devices;
    private final boolean canManage;

    private final BorderPane root = new BorderPane();
    private final SplitPane split = new SplitPane();
    private final TableView<Device> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<Object> kindFilter = filter("devices-filter-kind", "Any kind", Device.Kind.values());
    private final ComboBox<Object> modeFilter = filter("devices-filter-mode", "Issued or pool", Device.Mode.values());
    private final ComboBox<Object> statusFilter = filter("devices-filter-status", "Any status", Device.Status.values());
    private final ComboBox<Object> teamFilter = filter("devices-filter-team", "Any team");
    private final Label count = new Label();
    private final Button previous = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_LEFT));
    private final Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
    private final FormMessages listMessages = new FormMessages("devices");
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private final DevicePage panel;

    private final DevicesModel list;
    private boolean panelOpen;

    public DevicesView(AppContext context) {
        this.context = context;
        this.session = context.session();
        this.devices = context.service(DeviceService.class);
        this.canManage = session.hasAny(Role.HELPDESK, Role.ADMIN);
        this.panel = new DevicePage(context, this::changed, this::closePanel);
        // Esc, from the list or the pane, closes the open device (asking first about a change not saved)
        org.devicedesk.ui.Nodes.escapeCloses(root, () -> panelOpen, panel::requestClose);
        this.list = new DevicesModel(session, devices, org.devicedesk.ui.Tasks.background());
        build();
        bind();
        // live: the register follows every client's changes in place (selection and scroll kept), ADR 0010
        context.live().follow(table, c -> c.concerns("device", "person", "incident"), changes -> list.reload());
    }

    /** The screen for the signed-in user: the register for the helpdesk and those who may look, "My devices" for everyone else. */
    public static Screen forSession(AppContext context) {
        return context.session().hasAny(Role.HELPDESK, Role.ADMIN, Role.INFOSEC, Role.DPO) ? new DevicesView(context) : new MyDevicesView(context);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Object argument) {
        list.loadTeams();
        list.reload();
        if (argument instanceof Number n) openPanel(n.longValue());
        else if (argument instanceof String s && s.matches("\\d+")) openPanel(Long.parseLong(s));
    }

    private static ComboBox<Object> filter(String id, String any, Object... values) {
        ComboBox<Object> c = new ComboBox<>();
        c.setId(id);
        c.getItems().add(any);
        c.getItems().addAll(values);
        c.getSelectionModel().selectFirst();
        return c;
    }

    private void build() {
        Label title = new Label("Devices");
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label("Issued and pool devices, who holds them, and who held them before.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        search.setId("devices-search");
        search.setPromptText("Search asset tag, serial, IMEI, model or holder");
        search.setPrefColumnCount(28);
        search.textProperty().addListener((o, a, b) -> typing.playFromStart());
        typing.setOnFinished(e -> list.reload());
        search.setOnAction(e -> {
            typing.stop();
            list.scanToOpen(this::openPanel);
            list.reload();
        });

        Button add = new Button("_New device", new FontIcon(MaterialDesignP.PLUS));
        add.setId("devices-new");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> newDevice());
        Button importButton = new Button("_Import…", new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE));
        importButton.setId("devices-import");
        importButton.setTooltip(new Tooltip("Add devices from a CSV file: all rows or none"));
        importButton.setOnAction(e -> importDevices());
        Button export = new Button("E_xport…", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("devices-export");
        export.setTooltip(new Tooltip("Save the devices that match the search and filters as CSV"));
        export.setOnAction(e -> export());
        if (!canManage) {
            add.setVisible(false);
            add.setManaged(false);
            importButton.setVisible(false);
            importButton.setManaged(false);
        }
        Button labels = new Button("_Labels…", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignB.BARCODE));
        labels.setId("devices-print-labels");
        labels.setTooltip(new Tooltip("Print asset labels for the selected devices (Ctrl+click or Shift+click to select several)"));
        labels.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        labels.setOnAction(e -> LabelPrintDialog.open(context.window(), List.copyOf(table.getSelectionModel().getSelectedItems())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox titleRow = new HBox(12, new VBox(2, title, subtitle), spacer, labels, importButton, export, add);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        HBox filters = new HBox(8, search, kindFilter, modeFilter, statusFilter, teamFilter);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);

        buildTable();
        count.setId("devices-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        previous.setId("devices-previous");
        previous.setAccessibleText("Previous page");
        next.setId("devices-next");
        next.setAccessibleText("Next page");
        previous.setTooltip(new Tooltip("Previous page"));
        next.setTooltip(new Tooltip("Next page"));
        previous.setAccessibleText("Previous page"); // icon-only: read out in words (issue 17)
        next.setAccessibleText("Next page");
        previous.setOnAction(e -> list.previousPage());
        next.setOnAction(e -> list.nextPage());
        Region pagerSpacer = new Region();
        HBox.setHgrow(pagerSpacer, Priority.ALWAYS);
        HBox pager = new HBox(8, count, pagerSpacer, previous, next);
        pager.setAlignment(Pos.CENTER_LEFT);

        VBox listBox = new VBox(10, table, pager);
        VBox.setVgrow(table, Priority.ALWAYS);
        split.getItems().setAll(listBox);
        split.setId("devices-split");

        VBox top = new VBox(12, titleRow, filters, listMessages.node());
        top.setPadding(new Insets(0, 0, 12, 0));
        root.setTop(top);
        root.setCenter(split);
    }

    private <T> TableColumn<Device, T> column(String title, Function<Device, T> value, Comparator<T> comparator, DeviceQuery.Sort sort, double width) {
        return column(Columns.plain(title, value, Comparator.nullsLast(comparator)), sort, width);
    }

    /** The column sorts in the database by {@code sort} (the table's sort policy reads it back). */
    private static <T> TableColumn<Device, T> column(TableColumn<Device, T> c, DeviceQuery.Sort sort, double width) {
        c.setUserData(sort);
        return Columns.width(c, width);
    }

    private void buildTable() {
        table.setId("devices-table");
        table.setPlaceholder(new Label("No devices match."));
        TableColumn<Device, String> tag = column("Asset tag", Device::assetTag, String.CASE_INSENSITIVE_ORDER, DeviceQuery.Sort.ASSET_TAG, 100);
        TableColumn<Device, Device.Kind> kind = column("Kind", Device::kind, Comparator.naturalOrder(), DeviceQuery.Sort.KIND, 110);
        TableColumn<Device, String> model = column("Make and model", Device::makeModel, String.CASE_INSENSITIVE_ORDER, DeviceQuery.Sort.MAKE_MODEL, 210);
        TableColumn<Device, String> serial = column("Serial number", Device::serialNumber, String.CASE_INSENSITIVE_ORDER, DeviceQuery.Sort.SERIAL_NUMBER, 130);
        TableColumn<Device, String> imei = column("IMEI", Device::imei, Comparator.naturalOrder(), DeviceQuery.Sort.IMEI, 150);
        TableColumn<Device, Device.Mode> mode = column("Mode", Device::mode, Comparator.naturalOrder(), DeviceQuery.Sort.MODE, 70);
        TableColumn<Device, String> team = column("Team", Device::team, String.CASE_INSENSITIVE_ORDER, DeviceQuery.Sort.TEAM, 150);
        TableColumn<Device, String> holder = column("Held by", d -> d.holder() == null ? null : d.holder().name(),
                String.CASE_INSENSITIVE_ORDER, DeviceQuery.Sort.HOLDER, 160);
        TableColumn<Device, Device.Status> status = column(Columns.of("Status", Device::status, st -> Columns.Shown.graphic(DeviceBadgesUi.status(st)),
                Comparator.nullsLast(Comparator.<Device.Status>naturalOrder())), DeviceQuery.Sort.STATUS, 110);
        // the columns a glance needs first (who has it, is it lost), so a narrow window scrolls the rest sideways
        table.getColumns().setAll(List.of(tag, kind, status, holder, model, serial, imei, mode, team));
        org.devicedesk.ui.Tables.fit(table);
        // with a device open beside the list, what its page shows anyway makes way rather than being cut to a sliver
        for (TableColumn<Device, ?> c : List.of(model, serial, imei, mode, team)) c.visibleProperty().bind(paneShown.not());
        // sorting happens in the database so it covers every page, not only the one on screen
        table.setSortPolicy(t -> {
            DeviceQuery.Sort sort = DeviceQuery.Sort.ASSET_TAG;
            boolean desc = false;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<Device, ?> c = t.getSortOrder().get(0);
                sort = (DeviceQuery.Sort) c.getUserData();
                desc = c.getSortType() == TableColumn.SortType.DESCENDING;
            }
            list.sortBy(sort, desc);
            return true;
        });
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE); // several labels at once
        // a half-edited device is not swapped away unasked
        org.devicedesk.ui.Tables.openChosenRow(table, d -> !java.util.Objects.equals(panel.deviceId(), d.id()),
                () -> panelOpen ? panel.unsavedChanges() : null, Device::assetTag, context::window, d -> openPanel(d.id()));
    }

    /** Binds the search, the filters, the page and the messages to the list's view model. */
    private void bind() {
        search.textProperty().bindBidirectional(list.search);
        filterBinds(kindFilter, list.kind, Device.Kind.class);
        filterBinds(modeFilter, list.mode, Device.Mode.class);
        filterBinds(statusFilter, list.status, Device.Status.class);
        filterBinds(teamFilter, list.team, String.class);
        list.teams.addListener((javafx.collections.ListChangeListener<String>) c -> {
            String selected = list.team.get();
            List<Object> items = new ArrayList<>();
            items.add("Any team");
            items.addAll(list.teams);
            if (!items.equals(teamFilter.getItems())) {
                teamFilter.getItems().setAll(items);
                if (selected != null && items.contains(selected)) teamFilter.setValue(selected);
                else teamFilter.getSelectionModel().selectFirst();
            }
        });
        count.textProperty().bind(list.count);
        previous.disableProperty().bind(list.onFirstPage);
        next.disableProperty().bind(list.onLastPage);
        list.outcome.addListener((o, was, now) -> now.showIn(listMessages));
        list.pageProperty().addListener((o, was, page) -> {
            Long selected = panel.deviceId();
            org.devicedesk.ui.LiveChanges.replaceKeepingPlace(table, page.devices(), Device::id);
            if (selected != null && panelOpen) {
                page.devices().stream().filter(d -> d.id() == selected).findFirst().ifPresent(d -> table.getSelectionModel().select(d));
            }
        });
    }

    /** A filter's first item means "any"; choosing changes the model's value and runs the search again. */
    private <T> void filterBinds(ComboBox<Object> c, javafx.beans.property.ObjectProperty<T> value, Class<T> type) {
        c.valueProperty().addListener((o, a, b) -> {
            Object v = c.getValue();
            value.set(v == null || c.getSelectionModel().getSelectedIndex() == 0 || !type.isInstance(v) ? null : type.cast(v));
            list.reload();
        });
    }

    private void changed(Long id) {
        list.loadTeams();
        list.reload();
    }

    /** True while a device is open beside the list (the columns its page shows anyway are hidden then). */
    private final javafx.beans.property.BooleanProperty paneShown = new javafx.beans.property.SimpleBooleanProperty();

    private void ensurePanel() {
        if (!panelOpen) {
            paneShown.set(true);
            split.getItems().add(panel.node());
            split.setDividerPositions(0.45); // the panel needs room for the custody history
            panelOpen = true;
        }
    }

    private void openPanel(long id) {
        ensurePanel();
        panel.show(id);
    }

    @Override
    public String unsavedChanges() {
        return panelOpen ? panel.unsavedChanges() : null;
    }

    @Override
    public void discardChanges() {
        if (panelOpen) closePanel();
    }

    private void newDevice() {
        if (panelOpen && !panel.mayLeave("start a new device")) return;
        table.getSelectionModel().clearSelection();
        ensurePanel();
        panel.showNew();
    }

    private void closePanel() {
        if (panelOpen) {
            split.getItems().remove(panel.node());
            panelOpen = false;
            paneShown.set(false);
        }
        panel.forget(); // else selecting the same row again would find "already shown" and open nothing
        table.getSelectionModel().clearSelection();
    }

    // ---- CSV ----

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export devices as CSV");
        chooser.setInitialFileName("devices-" + java.time.LocalDate.now(context.clock()) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(context.window());
        if (file == null) return;
        list.exportCsv(file.toPath());
    }

    private void importDevices() {
        CsvImportDialog.open(context, "Import devices",
                "Columns: " + String.join(", ", DeviceImport.COLUMNS) + ". asset_tag, kind and mode are required; the rest may be blank.",
                reader -> context.service(DeviceService.class).importer().preview(session, reader),
                (reader, progress) -> context.service(DeviceService.class).importer().importAll(session, reader, progress),
                n -> {
                    list.outcome.set(org.devicedesk.ui.FormOutcome.done(n + (n == 1 ? " device" : " devices") + " imported."));
                    changed(null);
                });
    }
}
