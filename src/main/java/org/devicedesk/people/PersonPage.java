package org.devicedesk.people;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.DatePickers;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * A person's page: who they are, their annual declaration (state and history) with the way to sign
 * it (themselves) or record a paper one (helpdesk), the devices section ({@code person-devices}) the
 * devices feature fills, and marking them as left. Used beside the people list and as "My page".
 */
final class PersonPage {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy");

    /** The policy in a few lines (policy 1, 28, 41, 50, 53, 56-58), shown before the declaration is signed. */
    /** Each line's policy paragraphs go in its tooltip, not in its words (issue 17). */
    record PolicyPoint(String text, String reference) {}

    static final List<PolicyPoint> POLICY_SUMMARY = List.of(
            new PolicyPoint("Your devices are yours alone: never share a laptop, phone or tablet, or let anyone else use it.", "Policy 50"),
            new PolicyPoint("Report a lost or stolen device, or a password someone may know, to the help desk at once, day or night.", "Policy 56 and 57"),
            new PolicyPoint("Tell Information Security about overseas travel with a work device at least 7 days before you go.", "Policy 53"),
            new PolicyPoint("Never write a password down or carry it with the device, and change it immediately if it may be known.", "Policy 58"));


    private final AppContext context;
    private final PeopleService people;
    private final Session session;
    private final PersonPageSection devices;
    private final boolean myPage;
    private final Consumer<Person> onEdit;
    private final Runnable onChanged;
    private final Runnable onClose;
    private final VBox body = new VBox(16);
    private final ScrollPane root;
    private final PersonPageModel model;
    /** The messages of the declaration and leaving forms now on the page (the page is drawn afresh on each load). */
    private FormMessages declarationMessages;
    private FormMessages leavingMessages;

    /** {@code onClose} null: no close button (My page). */
    PersonPage(AppContext context, PersonPageSection devices, boolean myPage, Consumer<Person> onEdit, Runnable onChanged, Runnable onClose) {
        this.context = context;
        this.people = context.service(org.devicedesk.people.PeopleService.class);
        this.session = context.session();
        this.devices = devices;
        this.myPage = myPage;
        this.onEdit = onEdit;
        this.onChanged = onChanged;
        this.onClose = onClose;
        this.model = new PersonPageModel(people, session, context::displayName, org.devicedesk.ui.Tasks.background(), onChanged);
        model.shownProperty().addListener((o, was, now) -> {
            if (now != null) render(now);
        });
        model.loadFailureProperty().addListener((o, was, t) -> {
            if (t == null) return;
            Label l = new Label(FormMessages.describe(t));
            l.setWrapText(true);
            body.getChildren().setAll(l);
        });
        model.declarationOutcome.addListener((o, was, now) -> {
            if (declarationMessages != null) now.showIn(declarationMessages);
        });
        model.leavingOutcome.addListener((o, was, now) -> {
            if (leavingMessages != null) now.showIn(leavingMessages);
        });
        body.setId("person-page");
        body.setPadding(new Insets(4, 16, 16, 16));
        body.getStyleClass().add("person-page");
        root = new ScrollPane(body);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        if (onClose != null) org.devicedesk.ui.Nodes.escapeCloses(root, () -> true, onClose);
        // live: the page follows changes to the person and to devices (an issue or return shows in their devices), ADR 0010
        context.live().follow(root, c -> model.personId() != null && !c.madeBy(session.username())
                        && (c.concerns("person", model.personId()) || c.concerns("device") || c.concerns("account")),
                changes -> {
                    if (org.devicedesk.ui.ChangedBar.hasTyping(body)) changedBar.show(context.live(), changes, this::reload);
                    else reload();
                });
    }

    private final org.devicedesk.ui.ChangedBar changedBar = new org.devicedesk.ui.ChangedBar("person-page");

    Node node() {
        return root;
    }

    Long personId() {
        return model.personId();
    }

    /** Loads the person in the background and shows them (the latest person asked for wins). */
    void show(long id) {
        model.show(id);
    }

    void reload() {
        model.reload();
    }

    private boolean canManage() {
        return model.canManage();
    }

    private void render(PersonPageModel.Shown d) {
        Person p = d.person();
        changedBar.hide();
        if (myPage) body.getChildren().setAll(header(p, d.declaration()), declarationSection(p, d.declaration(), d), details(p), devicesSection(p));
        else body.getChildren().setAll(header(p, d.declaration()), details(p), declarationSection(p, d.declaration(), d), devicesSection(p));
        if (model.offersLeaving(p)) body.getChildren().add(leavingSection(p));
        body.getChildren().add(0, changedBar.node());
    }

    private Node header(Person p, DeclarationState st) {
        Label name = new Label(p.fullName());
        name.setId("person-page-name");
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        FlowPane badges = new FlowPane(6, 6, badge(p.category().label(), "badge-neutral"), declarationBadge(st));
        if (!p.active()) badges.getChildren().add(badge("Left " + (p.leftOn() == null ? "" : SHORT.format(p.leftOn())), "badge-danger"));
        VBox titles = new VBox(6, name, badges);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox top = new HBox(8, titles);
        top.setAlignment(Pos.TOP_LEFT);
        if (canManage()) {
            Button edit = new Button("_Edit", new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
            edit.setId("person-edit");
            edit.setOnAction(e -> onEdit.accept(p));
            edit.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(edit);
        }
        if (onClose != null) {
            Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
            close.setId("person-page-close");
            close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            close.setAccessibleText("Close the person page");
            close.setOnAction(e -> onClose.run());
            top.getChildren().add(close);
        }
        return top;
    }

    private Node details(Person p) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(6);
        g.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints(120, 260, Double.MAX_VALUE));
        int row = 0;
        row = detail(g, row, "Email", p.email());
        row = detail(g, row, "Staff number", p.staffNumber());
        row = detail(g, row, "Category", p.category().label());
        row = detail(g, row, "Team", p.team());
        row = detail(g, row, "Line manager", p.lineManagerName());
        detail(g, row, "Status", p.active() ? "Active" : "Left on " + (p.leftOn() == null ? "an unrecorded date" : DAY.format(p.leftOn())));
        return section("Details", g);
    }

    private static int detail(GridPane g, int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value == null || value.isBlank() ? "—" : value);
        v.setWrapText(true);
        g.addRow(row, l, v);
        return row + 1;
    }

    private Node declarationSection(Person p, DeclarationState st, PersonPageModel.Shown shown) {
        VBox box = new VBox(10);
        Label state = new Label(describe(st, people.today(), session.isSelf(p.id())));
        state.setId("declaration-state");
        state.setWrapText(true);
        box.getChildren().add(new HBox(8, declarationBadge(st), state));
        ((HBox) box.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        declarationMessages = null;
        if (model.offersSigning(p)) box.getChildren().add(signForm(st));
        else if (model.offersPaper(p)) box.getChildren().add(paperForm(p));
        box.getChildren().add(history(shown));
        return section("Annual declaration", box);
    }

    /** One line that says where the declaration stands, in the words of the person reading it. */
    static String describe(DeclarationState st, LocalDate today, boolean self) {
        return switch (st.state()) {
            case CURRENT -> "Signed " + DAY.format(st.signedOn()) + "; current until " + DAY.format(st.lastCurrentDay()) + ".";
            case EXPIRING -> {
                long left = ChronoUnit.DAYS.between(today, st.lastCurrentDay());
                yield "Signed " + DAY.format(st.signedOn()) + "; current until " + DAY.format(st.lastCurrentDay())
                        + (left == 0 ? " (today is the last day)" : " (" + left + (left == 1 ? " day" : " days") + " from today)")
                        + (self ? ". Please sign it again now." : ".");
            }
            case EXPIRED -> "Expired after " + DAY.format(st.lastCurrentDay()) + (self ? ". Please sign it again now." : ". No devices can be issued until it is signed again.");
            case MISSING -> self ? "You have not signed the declaration yet. Please read the summary below and sign it."
                    : "Never signed. No devices can be issued until it is signed.";
        };
    }

    private Node signForm(DeclarationState st) {
        FormMessages messages = new FormMessages("declaration");
        Label quote = new Label("\u201C" + Declaration.TEXT + "\u201D");
        quote.getStyleClass().addAll(Styles.TEXT_BOLD, "declaration-text");
        quote.setWrapText(true);
        Label intro = new Label("The policy on the use of IT, communications and social media asks, above all, that:");
        intro.setWrapText(true);
        VBox points = new VBox(6);
        points.setId("declaration-summary");
        for (PolicyPoint s : POLICY_SUMMARY) {
            Label dot = new Label(null, new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
            dot.setAccessibleText("Point of the policy");
            Label text = new Label(s.text());
            text.setTooltip(new javafx.scene.control.Tooltip(s.reference() + " of the IT, communications and social media policy"));
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(8, dot, text);
            line.setAlignment(Pos.TOP_LEFT);
            points.getChildren().add(line);
        }
        CheckBox confirm = new CheckBox("I have read and understood the policy and will comply with it.");
        confirm.setId("declaration-confirm");
        confirm.setWrapText(true);
        messages.field("confirm", confirm);
        Button save = new Button(st.state() == DeclarationState.State.CURRENT ? "_Sign again" : "_Sign the declaration",
                new FontIcon(MaterialDesignF.FILE_SIGN));
        save.setId("declaration-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(myPage);
        save.disableProperty().bind(model.busy);
        save.setOnAction(e -> model.sign(confirm.isSelected()));
        declarationMessages = messages;
        VBox box = new VBox(10, quote, intro, points, confirm, messages.node(), save);
        box.getStyleClass().add("declaration-box");
        return box;
    }

    private Node paperForm(Person p) {
        FormMessages messages = new FormMessages("declaration");
        Label title = new Label("Record a declaration signed on paper");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        DatePicker signedOn = dayField("declaration-signed-on", messages, "signed-on");
        Button save = new Button("_Record paper form", new FontIcon(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE));
        save.setId("declaration-save");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(model.busy);
        save.setOnAction(e -> withDate(signedOn, "signed-on", false, model::recordPaper));
        declarationMessages = messages;
        Label dateLabel = FormMessages.labelFor("Date written on the _form", signedOn);
        HBox row = new HBox(8, signedOn, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, title, dateLabel, row, messages.node());
    }

    private Node history(PersonPageModel.Shown shown) {
        List<Declaration> history = shown.history();
        VBox list = new VBox(4);
        list.setId("declaration-history");
        Label title = new Label("History");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        list.getChildren().add(title);
        if (history.isEmpty()) list.getChildren().add(new Label("No declaration on record."));
        for (Declaration d : history) {
            String by = shown.recordedBy(d); // by name, not username (issue 17)
            String how = d.method() == Declaration.Method.PAPER ? "on paper, recorded by " + by : "in the app";
            Label l = new Label(DAY.format(d.signedOn()) + " \u2014 signed " + how, new FontIcon(d.method() == Declaration.Method.PAPER
                    ? MaterialDesignF.FILE_DOCUMENT_OUTLINE : MaterialDesignA.ACCOUNT_CHECK_OUTLINE));
            l.setWrapText(true);
            list.getChildren().add(l);
        }
        return list;
    }

    private Node devicesSection(Person p) {
        VBox section = new VBox(8);
        section.setId("person-devices");
        devices.fill(context, p, section);
        return section("Devices", section);
    }

    private Node leavingSection(Person p) {
        FormMessages messages = new FormMessages("person-left");
        DatePicker leftOn = dayField("person-left-on", messages, "left-on");
        Button mark = new Button("_Mark as left", new FontIcon(MaterialDesignA.ACCOUNT_ARROW_RIGHT_OUTLINE));
        mark.setId("person-mark-left");
        mark.getStyleClass().add(Styles.DANGER);
        mark.setMinWidth(Region.USE_PREF_SIZE);
        mark.disableProperty().bind(model.busy);
        mark.setOnAction(e -> withDate(leftOn, "left-on", true, model::markLeft));
        leavingMessages = messages;
        Label hint = new Label("When someone leaves, mark them here with their last day; they stay in the register and the audit trail.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = new HBox(8, FormMessages.labelFor("_Left on", leftOn), leftOn, mark);
        row.setAlignment(Pos.CENTER_LEFT);
        return section("Leaving", new VBox(8, hint, row, messages.node()));
    }

    /** A date field starting at today, its problems shown by {@code messages} under {@code field}. */
    private DatePicker dayField(String id, FormMessages messages, String field) {
        DatePicker day = DatePickers.british(id, people.today());
        day.setPrefWidth(150);
        day.setMinWidth(Region.USE_PREF_SIZE);
        messages.field(field, day);
        return day;
    }

    /** Hands the date typed to {@code then}; text that is not a date goes to the model as the refusal of {@code field}. */
    private void withDate(DatePicker day, String field, boolean leaving, java.util.function.Consumer<java.time.LocalDate> then) {
        java.time.LocalDate date;
        try {
            date = DatePickers.read(day, field);
        } catch (org.devicedesk.core.Refused r) {
            model.refuseDate(leaving, r);
            return;
        }
        then.accept(date);
    }

    private static Node section(String title, Node content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, t, content);
        box.getStyleClass().add("card");
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    static Label badge(String text, String style) {
        return org.devicedesk.ui.Nodes.badge(text, style);
    }

    static Label declarationBadge(DeclarationState st) {
        String style = switch (st.state()) {
            case CURRENT -> "badge-success";
            case EXPIRING -> "badge-warning";
            case EXPIRED, MISSING -> "badge-danger";
        };
        return badge(shown(st.state()), style);
    }

    /**
     * A declaration state in the words every screen uses: a declaration never signed reads "Never signed"
     * here as on the dashboard (issue 17: not "Missing" in one place and "never signed" in another). The CSV
     * export keeps the state's label ({@link DeclarationState.State#label()}) for the files people already read.
     */
    static String shown(DeclarationState.State state) {
        return state == DeclarationState.State.MISSING ? "Never signed" : state.label();
    }
}
