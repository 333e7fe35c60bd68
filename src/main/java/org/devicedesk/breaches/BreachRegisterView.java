package org.devicedesk.breaches;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.core.Session;
import org.devicedesk.ui.Columns;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The breach register (UK GDPR Article 33(5)): every case, reported or not, filtered by the period
 * the office became aware and by outcome; exported to CSV (through the service, audited) and printed.
 * The state and the service calls are in {@link BreachRegisterModel}; this view builds the controls and binds them.
 */
final class BreachRegisterView {
    private final BreachRegisterModel model;
    private final VBox root = new VBox(12);
    private final FormMessages messages = new FormMessages("breaches-register");
    private final TableView<BreachCase> table = new TableView<>();
    private final DatePicker from = DatePickers.british("breaches-register-from");
    private final DatePicker to = DatePickers.british("breaches-register-to");
    private final ComboBox<Outcome> outcome = new ComboBox<>();
    private final Label count = new Label();
    private final Supplier<Window> window;
    /** Where an export goes; a file chooser by default (tests give a file). */
    Function<Window, File> exportTarget = BreachRegisterView::chooseFile;

    BreachRegisterView(BreachService breaches, Session session, Runnable onBack, java.util.function.LongConsumer onOpen, Supplier<Window> window) {
        this.model = new BreachRegisterModel(breaches, session, org.devicedesk.ui.Tasks.background());
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

        from.setPrefWidth(175); // room for the hint "e.g. 4 Mar 2026" (150 cut it to "e.g. 4 Mar 20")
        to.setPrefWidth(175);
        outcome.setId("breaches-register-outcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(Outcome.values());
        outcome.setButtonCell(org.devicedesk.ui.Nodes.promptCell("Any outcome"));
        outcome.setCellFactory(l -> org.devicedesk.ui.Nodes.promptCell("Any outcome"));
        // the model reads what is typed in the date boxes, so an unreadable date is refused with it
        model.fromText().bind(DatePickers.typed(from)); // the text typed, kept when the picker clears it as unreadable
        model.toText().bind(DatePickers.typed(to));
        model.outcome().bind(outcome.valueProperty());
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
        count.textProperty().bind(model.count());
        Button export = new Button("_Export CSV", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("breaches-register-export");
        export.setOnAction(e -> model.export(() -> exportTarget.apply(window.get()), messages::success, messages::show));
        Button print = new Button("_Print…", new FontIcon(MaterialDesignP.PRINTER_OUTLINE));
        print.setId("breaches-register-print");
        print.setOnAction(e -> print());
        export.setMinWidth(Region.USE_PREF_SIZE);
        print.setMinWidth(Region.USE_PREF_SIZE);
        Spacer gap = new Spacer();
        HBox filters = new HBox(8, FormMessages.labelFor("Aware _from", from), from, FormMessages.labelFor("_to", to), to,
                FormMessages.labelFor("O_utcome", outcome), outcome, count, gap, export, print);
        filters.setAlignment(Pos.CENTER_LEFT);

        // a large register is read a page at a time (issue 16): the next page on request, as the queue says "search to find others"
        Button more = new Button("Show _more cases");
        more.setId("breaches-register-more");
        more.setOnAction(e -> model.more(messages::show));
        more.visibleProperty().bind(model.hasMore());
        more.managedProperty().bind(more.visibleProperty());

        buildTable(onOpen);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().setAll(back, new VBox(2, title, sub), filters, messages.node(), table, more);
    }

    Node node() {
        return root;
    }

    private void buildTable(java.util.function.LongConsumer onOpen) {
        BreachUi.casesTable(table, "breaches-register-table", "No breach case matches these filters.", model.rows, onOpen);
        TableColumn<BreachCase, String> ref = BreachUi.textColumn("Reference", BreachCase::reference, 125);
        ref.setMinWidth(125);
        TableColumn<BreachCase, Instant> aware = BreachUi.awareColumn(BreachUi.DAY, 105);
        TableColumn<BreachCase, String> source = BreachUi.textColumn("Source", BreachCase::source, 135);
        source.setMinWidth(135);
        TableColumn<BreachCase, String> what = BreachUi.textColumn("Title", BreachUi::shortTitle, 240);
        TableColumn<BreachCase, BreachCase> out = Columns.width(
                Columns.rowBadge("Outcome", BreachRegisterView::outcomeBadge, Comparator.comparing(Outcome::of)), 135, 135);
        // SPEC 5, "every view shows the time left" (issue 17): the 72-hour clock for a case still undecided
        TableColumn<BreachCase, BreachCase> left = Columns.width(Columns.rowBadge("Time left",
                b -> Outcome.of(b) != Outcome.UNDECIDED ? null : BreachUi.countdownBadge(b, model.now()),
                Comparator.comparing((BreachCase b) -> Outcome.of(b) == Outcome.UNDECIDED ? 0 : 1).thenComparing(BreachCase::icoDeadline)), 150, 150);
        left.setId("breaches-register-time-left");
        TableColumn<BreachCase, BreachCase.Risk> risk = BreachUi.riskColumn();
        TableColumn<BreachCase, Integer> subjects = Columns.width(Columns.value("Subjects", BreachCase::dataSubjectsApprox, Comparator.naturalOrder()), 80, 80);
        TableColumn<BreachCase, String> ico = BreachUi.textColumn("ICO reference", c -> c.icoReference() == null ? "" : c.icoReference()
                + (c.reportedLate() ? " (late)" : ""), 150);
        ico.setMinWidth(150);
        what.setMinWidth(120); // the title gives way first; the rest of it is in its tooltip and on the case page
        table.getColumns().setAll(List.of(ref, aware, out, left, risk, subjects, ico, source, org.devicedesk.ui.Tables.mayShorten(what)));
        // the title, last, takes what the other columns leave and ends in "…" (whole in its tooltip), as the travel
        // list's destinations do: at 1366x768 it ran past the table's edge, cut with no "…"
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        org.devicedesk.ui.Tables.fit(table);
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

    void reload() {
        // a filter read as the person moves on: the field is marked, the focus stays
        model.reload(messages::clear, messages::showInPlace, messages::show);
    }

    private static File chooseFile(Window w) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the breach register");
        chooser.setInitialFileName("breach-register.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return chooser.showSaveDialog(w);
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
        String filters = model.describeShown();
        model.toPrint(cases -> print(job, cases, filters), e -> {
            job.cancelJob();
            messages.show(e);
        });
    }

    private void print(PrinterJob job, List<BreachCase> cases, String filters) {
        PageLayout layout = job.getJobSettings().getPageLayout();
        List<Node> pages = BreachRegisterPrintView.pages(cases, filters, model.now(),
                layout.getPrintableWidth(), layout.getPrintableHeight());
        for (Node page : pages) {
            if (!job.printPage(layout, page)) {
                messages.error("The printer stopped before the register was printed: " + job.getJobStatus() + ". Check the printer and try again.");
                job.cancelJob();
                return;
            }
        }
        if (job.endJob()) messages.success("The register (" + (cases.size() == 1 ? "1 case" : cases.size() + " cases") + ") was sent to the printer, "
                + pages.size() + (pages.size() == 1 ? " page." : " pages."));
    }
}
