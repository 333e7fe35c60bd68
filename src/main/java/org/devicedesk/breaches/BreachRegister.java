package org.devicedesk.breaches;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.breaches.BreachService.RegisterQuery;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Background;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The breach register (UK GDPR Article 33(5)): every case, reported or not, filtered by the period
 * the office became aware and by outcome; exported to CSV (through the service, audited) and printed.
 */
final class BreachRegister {
    private final BreachService breaches;
    private final Session session;
    private final java.util.function.LongConsumer onOpen;
    private final VBox root = new VBox(12);
    private final FormMessages messages = new FormMessages("breaches-register");
    private final ObservableList<BreachCase> rows = FXCollections.observableArrayList();
    private final TableView<BreachCase> table = new TableView<>();
    private final DatePicker from = BreachUi.datePicker("breaches-register-from");
    private final DatePicker to = BreachUi.datePicker("breaches-register-to");
    private final ComboBox<Outcome> outcome = new ComboBox<>();
    private final Label count = new Label();
    private final Supplier<Window> window;
    /** Where an export goes; a file chooser by default (tests give a file). */
    Function<Window, File> exportTarget = BreachRegister::chooseFile;
    private RegisterQuery loaded = RegisterQuery.all();
    /** The latest filter wins: an older query's late result never replaces a newer one's. */
    private final org.devicedesk.ui.Tasks.Latest latest = new org.devicedesk.ui.Tasks.Latest(org.devicedesk.ui.Tasks.background());

    BreachRegister(BreachService breaches, Session session, Runnable onBack, java.util.function.LongConsumer onOpen, Supplier<Window> window) {
        this.breaches = breaches;
        this.session = session;
        this.onOpen = onOpen;
        this.window = window;
        root.setId("breaches-register-page");
        root.setUserData(this);

        Button back = new Button("_Back to the breach queue", new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("breaches-register-back");
        back.getStyleClass().add(Styles.FLAT);
        back.setCancelButton(true);
        back.setOnAction(e -> onBack.run());
        Label title = new Label("Breach register");
        title.getStyleClass().add(Styles.TITLE_2);
        Label sub = new Label("UK GDPR Article 33(5): every personal-data breach, reported to the ICO or not, with its facts, effects and remedial action.");
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        sub.setWrapText(true);

        from.setPrefWidth(150);
        to.setPrefWidth(150);
        outcome.setId("breaches-register-outcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(Outcome.values());
        outcome.setButtonCell(BreachUi.promptCell("Any outcome"));
        outcome.setCellFactory(l -> BreachUi.promptCell("Any outcome"));
        // after the picker has written the new value into its text box, which the query reads
        from.valueProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::reload));
        to.valueProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::reload));
        // an unreadable date is refused with what was typed, not quietly taken as "any time"
        from.focusedProperty().addListener((o, was, is) -> { if (!is) reload(); });
        to.focusedProperty().addListener((o, was, is) -> { if (!is) reload(); });
        outcome.valueProperty().addListener((o, a, b) -> reload());
        messages.field("register-from", from).field("register-to", to);
        count.setId("breaches-register-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Button export = new Button("_Export CSV", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("breaches-register-export");
        export.setOnAction(e -> export());
        Button print = new Button("_Print…", new FontIcon(MaterialDesignP.PRINTER_OUTLINE));
        print.setId("breaches-register-print");
        print.setOnAction(e -> print());
        export.setMinWidth(Region.USE_PREF_SIZE);
        print.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(8, FormMessages.labelFor("Aware _from", from), from, FormMessages.labelFor("_to", to), to,
                FormMessages.labelFor("O_utcome", outcome), outcome, count, gap, export, print);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().setAll(back, new VBox(2, title, sub), filters, messages.node(), table);
    }

    Node node() {
        return root;
    }

    private void buildTable() {
        table.setId("breaches-register-table");
        table.setPlaceholder(new Label("No breach case matches these filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<BreachCase, String> ref = BreachUi.textColumn("Reference", BreachCase::reference, 125);
        ref.setMinWidth(125);
        TableColumn<BreachCase, Instant> aware = BreachUi.awareColumn(BreachUi.DAY, 105);
        TableColumn<BreachCase, String> source = BreachUi.textColumn("Source", BreachCase::source, 135);
        source.setMinWidth(135);
        TableColumn<BreachCase, String> what = BreachUi.textColumn("Title", BreachUi::shortTitle, 240);
        TableColumn<BreachCase, BreachCase> out = new TableColumn<>("Outcome");
        out.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        out.setComparator(Comparator.comparing(Outcome::of));
        out.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(BreachCase b, boolean empty) {
                super.updateItem(b, empty);
                setGraphic(empty || b == null ? null : outcomeBadge(b));
            }
        });
        out.setPrefWidth(135);
        out.setMinWidth(135);
        // SPEC 5, "every view shows the time left" (issue 17): the 72-hour clock for a case still undecided
        TableColumn<BreachCase, BreachCase> left = new TableColumn<>("Time left");
        left.setId("breaches-register-time-left");
        left.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        left.setComparator(Comparator.comparing((BreachCase b) -> Outcome.of(b) == Outcome.UNDECIDED ? 0 : 1)
                .thenComparing(BreachCase::icoDeadline));
        left.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(BreachCase b, boolean empty) {
                super.updateItem(b, empty);
                setGraphic(empty || b == null || Outcome.of(b) != Outcome.UNDECIDED ? null : BreachUi.countdownBadge(b, breaches.now()));
            }
        });
        left.setPrefWidth(150);
        left.setMinWidth(150);
        TableColumn<BreachCase, BreachCase> risk = BreachUi.riskColumn();
        TableColumn<BreachCase, Integer> subjects = new TableColumn<>("Subjects");
        subjects.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dataSubjectsApprox()));
        subjects.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        subjects.setPrefWidth(80);
        subjects.setMinWidth(80);
        TableColumn<BreachCase, String> ico = BreachUi.textColumn("ICO reference", c -> c.icoReference() == null ? "" : c.icoReference()
                + (c.reportedLate() ? " (late)" : ""), 150);
        ico.setMinWidth(150);
        what.setMinWidth(200);
        table.getColumns().setAll(List.of(ref, aware, out, left, risk, subjects, ico, source, org.devicedesk.ui.Tables.mayShorten(what)));
        org.devicedesk.ui.Tables.fit(table);
        SortedList<BreachCase> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> {
            TableRow<BreachCase> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) onOpen.accept(row.getItem().id());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            BreachCase c = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && c != null) onOpen.accept(c.id());
        });
    }

    static Label outcomeBadge(BreachCase c) {
        Outcome o = Outcome.of(c);
        String style = switch (o) {
            case UNDECIDED -> "badge-accent";
            case NOT_A_BREACH -> "badge-neutral";
            case NOT_REPORTABLE -> "badge-success";
            case REPORTED_TO_ICO -> c.reportedLate() ? "badge-warning" : "badge-success";
        };
        String shortText = switch (o) {
            case UNDECIDED -> "Undecided";
            case NOT_A_BREACH -> "Not a breach";
            case NOT_REPORTABLE -> "Not reportable";
            case REPORTED_TO_ICO -> c.reportedLate() ? "Reported late" : "Reported to ICO";
        };
        return BreachUi.compact(BreachUi.badge(o.label(), style), shortText);
    }

    private RegisterQuery query() {
        java.util.List<org.devicedesk.core.Refused.Problem> problems = new java.util.ArrayList<>();
        LocalDate f = typed(from, "register-from", "start", problems);
        LocalDate t = typed(to, "register-to", "end", problems);
        if (!problems.isEmpty()) throw new org.devicedesk.core.Refused(problems);
        return new RegisterQuery(f, t, outcome.getValue());
    }

    private static LocalDate typed(DatePicker p, String field, String what, java.util.List<org.devicedesk.core.Refused.Problem> problems) {
        String text = p.getEditor().getText() == null ? "" : p.getEditor().getText().strip();
        if (text.isEmpty()) return null;
        LocalDate d = BreachUi.parseDate(text);
        if (d == null) problems.add(new org.devicedesk.core.Refused.Problem(field, "\"" + text + "\" is not a date; write the " + what + " of the period like 01/03/2026."));
        return d;
    }

    void reload() {
        RegisterQuery q;
        try {
            q = query();
        } catch (org.devicedesk.core.Refused r) {
            messages.showInPlace(r); // a filter read as the person moves on: the field is marked, the focus stays
            return;
        }
        latest.run(() -> breaches.register(session, q), list -> {
            loaded = q;
            messages.clear();
            rows.setAll(list);
            count.setText(list.size() == 1 ? "1 case" : list.size() + " cases");
        }, messages::show);
    }

    List<BreachCase> rows() {
        return List.copyOf(rows);
    }

    private static File chooseFile(Window w) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the breach register");
        chooser.setInitialFileName("breach-register.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return chooser.showSaveDialog(w);
    }

    private void export() {
        RegisterQuery q;
        try {
            q = query();
        } catch (org.devicedesk.core.Refused r) {
            messages.show(r);
            return;
        }
        File file = exportTarget.apply(window.get());
        if (file == null) return;
        Background.run(() -> {
            try (var out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
                return breaches.exportRegisterAnchored(session, q, out);
            }
        }, x -> messages.success((x.rows() == 1 ? "1 case" : x.rows() + " cases") + " exported to " + file.getName() + "."
                + " For your records, the audit trail's anchor: " + x.anchor().forTheRecord(org.devicedesk.core.AppClock.OFFICE_ZONE) + "."), messages::show);
    }

    /** The JavaFX printer dialog, then the register as it is filtered, laid out for paper. */
    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            messages.error("No printer is set up on this computer. Export the register to CSV instead, or add a printer and try again.");
            return;
        }
        if (!job.showPrintDialog(window.get())) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        List<Node> pages = BreachRegisterPrint.pages(rows(), BreachService.describe(loaded), breaches.now(),
                layout.getPrintableWidth(), layout.getPrintableHeight());
        for (Node page : pages) {
            if (!job.printPage(layout, page)) {
                messages.error("The printer stopped before the register was printed: " + job.getJobStatus() + ". Check the printer and try again.");
                job.cancelJob();
                return;
            }
        }
        if (job.endJob()) messages.success("The register (" + (rows.size() == 1 ? "1 case" : rows.size() + " cases") + ") was sent to the printer, "
                + pages.size() + (pages.size() == 1 ? " page." : " pages."));
    }
}
