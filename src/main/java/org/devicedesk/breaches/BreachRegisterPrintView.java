package org.devicedesk.breaches;

import atlantafx.base.controls.Spacer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The printed breach register: black on white, one block per case with the Article 33(5) facts
 * (what happened, its effects, the remedial action, the decision and why), packed onto pages of
 * the printer's printable size with a heading and "page n of m" on each.
 */
final class BreachRegisterPrintView {
    private static final Font BODY = Font.font("System", 8.5);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 9.5);
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SMALL = Font.font("System", 7.5);

    private BreachRegisterPrintView() {}

    /** The pages, each {@code width} x at most {@code height} points; call on the FX thread. */
    static List<Node> pages(List<BreachCase> cases, String filters, Instant printedAt, double width, double height) {
        List<VBox> blocks = cases.stream().map(c -> block(c, width)).toList();
        // measure each block at the page width in a throw-away scene, then fill pages top to bottom
        VBox measure = new VBox();
        new Scene(new Group(measure));
        double headerHeight = measured(measure, header(filters, printedAt, 1, 1, width), width);
        double footerHeight = 18;
        double room = height - headerHeight - footerHeight;
        List<List<VBox>> pages = new ArrayList<>();
        List<VBox> page = new ArrayList<>();
        double used = 0;
        for (VBox b : blocks) {
            double h = measured(measure, b, width) + 6;
            if (!page.isEmpty() && used + h > room) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(b);
            used += h;
        }
        if (!page.isEmpty() || pages.isEmpty()) pages.add(page);
        measure.getChildren().clear();

        List<Node> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            VBox p = new VBox(6);
            p.setPrefWidth(width);
            p.setMaxWidth(width);
            p.setStyle("-fx-background-color: white;");
            p.getChildren().add(header(filters, printedAt, i + 1, pages.size(), width));
            if (pages.get(i).isEmpty()) p.getChildren().add(text("No breach case matches these filters.", BODY));
            p.getChildren().addAll(pages.get(i));
            out.add(p);
        }
        return out;
    }

    private static double measured(VBox measure, Region node, double width) {
        measure.getChildren().setAll(node);
        measure.applyCss();
        measure.layout();
        double h = node.prefHeight(width);
        measure.getChildren().clear();
        return h;
    }

    private static Label text(String s, Font f) {
        Label l = new Label(s == null ? "" : s);
        l.setFont(f);
        l.setTextFill(Color.BLACK);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static VBox header(String filters, Instant printedAt, int n, int of, double width) {
        Label title = text("Breach register (UK GDPR Article 33(5))", TITLE);
        Label sub = text("Every personal-data breach, reported or not: the facts, its effects and the remedial action taken."
                + (filters.isEmpty() ? "" : " Filters" + filters.replaceFirst("^,", ":") + "."), SMALL);
        Spacer gap = new Spacer();
        HBox top = new HBox(8, title, gap, text("Printed " + BreachService.when(printedAt) + "  ·  page " + n + " of " + of, SMALL));
        VBox h = new VBox(2, top, sub);
        h.setPrefWidth(width);
        h.setPadding(new Insets(0, 0, 4, 0));
        h.setBorder(new Border(new BorderStroke(Color.BLACK, BorderStrokeStyle.SOLID, null, new BorderWidths(0, 0, 1, 0))));
        return h;
    }

    private static VBox block(BreachCase c, double width) {
        String outcome = BreachService.Outcome.of(c).label() + (c.status() == BreachCase.Status.CLOSED ? " (closed)" : "");
        Spacer gap = new Spacer();
        HBox head = new HBox(8, text(c.reference() + "  " + c.title(), BOLD), gap, text(outcome, BOLD));
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(1);
        ColumnConstraints label = new ColumnConstraints(110);
        ColumnConstraints value = new ColumnConstraints(100, width - 118, Double.MAX_VALUE, Priority.ALWAYS, HPos.LEFT, true);
        g.getColumnConstraints().addAll(label, value);
        int r = 0;
        r = row(g, r, "Source", c.source() + (c.description() == null ? "" : " — " + c.description()));
        r = row(g, r, "Aware / deadline", BreachService.when(c.awareAt()) + "  /  " + BreachService.when(c.icoDeadline()));
        String data = (c.personalDataInvolved() == null ? "Not recorded" : c.personalDataInvolved() ? "Personal data involved" : "No personal data")
                + (c.categories().isEmpty() ? "" : "; " + c.categories())
                + (c.dataSubjectsApprox() == null ? "" : "; about " + c.dataSubjectsApprox() + (c.dataSubjectsApprox() == 1 ? " data subject" : " data subjects"))
                + (c.recordsApprox() == null ? "" : ", " + c.recordsApprox() + (c.recordsApprox() == 1 ? " record" : " records"));
        r = row(g, r, "Data", data);
        if (c.likelyConsequences() != null) r = row(g, r, "Likely consequences", c.likelyConsequences());
        if (c.measures() != null) r = row(g, r, "Measures", c.measures());
        r = row(g, r, "Risk", c.risk() == null ? "Not assessed" : c.risk().label());
        if (c.subjectsToldDecision() != null) {
            r = row(g, r, "Data subjects", c.subjectsToldDecision().label() + (c.subjectsToldAt() == null ? "" : ", " + BreachService.when(c.subjectsToldAt())));
        }
        if (c.icoNotifiedAt() != null) {
            r = row(g, r, "ICO", "Notified " + BreachService.when(c.icoNotifiedAt()) + (c.icoReference() == null ? "" : ", reference " + c.icoReference())
                    + (c.reportedLate() ? " (after the deadline)" : ""));
        }
        if (c.delayReasons() != null) r = row(g, r, "Reasons for delay", c.delayReasons());
        if (c.rationale() != null) r = row(g, r, "Rationale", c.rationale());
        if (c.decidedAt() != null) row(g, r, "Decided", BreachService.when(c.decidedAt()) + (c.decidedBy() == null ? "" : " by " + c.decidedBy()));
        VBox b = new VBox(2, head, g);
        b.setPrefWidth(width);
        b.setPadding(new Insets(3, 0, 4, 0));
        b.setBorder(new Border(new BorderStroke(Color.gray(0.6), BorderStrokeStyle.SOLID, null, new BorderWidths(0, 0, 0.5, 0))));
        return b;
    }

    private static int row(GridPane g, int r, String label, String value) {
        Label l = text(label, SMALL);
        l.setTextFill(Color.gray(0.3));
        GridPane.setValignment(l, VPos.TOP);
        g.addRow(r, l, text(value, BODY));
        return r + 1;
    }
}
