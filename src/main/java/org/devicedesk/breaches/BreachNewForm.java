package org.devicedesk.breaches;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.function.LongConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.devicedesk.core.Session;
import org.devicedesk.ui.DateTimeField;
import org.devicedesk.ui.FormMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The DPO opens a case that did not come from a device incident (e.g. a misdirected email,
 * policy 46): a title, what happened, and when the office became aware (the 72 hours run from then).
 * The state and the call to the service are in {@link BreachNewModel}.
 */
final class BreachNewForm {
    private final BreachNewModel model;
    private final Runnable onCancel;
    private final LongConsumer onOpened;
    private final VBox root = new VBox(10);
    private final FormMessages messages = new FormMessages("breach");
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final DateTimeField awareAt = new DateTimeField("breach-aware-at");
    private final Button save = new Button("_Open case", new FontIcon(MaterialDesignP.PLUS));

    BreachNewForm(BreachService breaches, Session session, Runnable onCancel, LongConsumer onOpened) {
        this.model = new BreachNewModel(breaches, session, org.devicedesk.ui.Tasks.background());
        this.onCancel = onCancel;
        this.onOpened = onOpened;
        title.setId("breach-title");
        title.setPromptText("e.g. Email with a victim's details sent to the wrong address");
        description.setId("breach-description");
        description.setPromptText("What happened, who found it, what data it concerns");
        description.setWrapText(true);
        description.setPrefRowCount(5);
        save.setId("breach-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        save.disableProperty().bind(model.saving());
        model.title().bind(title.textProperty());
        model.description().bind(description.textProperty());
        model.awareDateText().bind(awareAt.typedDate());
        model.awareTimeText().bind(awareAt.time().textProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("breach-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        messages.field("title", title).field("description", description).field("aware-at", awareAt.date());

        Label heading = new Label("Open a breach case");
        heading.getStyleClass().add(Styles.TITLE_2);
        Label hint = new Label("For a possible personal-data breach that did not come in as a device incident, such as an email "
                + "sent to the wrong person (policy 46). The ICO deadline runs 72 hours from when the office became aware.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Spacer gap = new Spacer();
        HBox buttons = new HBox(8, gap, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(8, heading, hint, messages.node(),
                FormMessages.labelFor("_Title", title), title,
                FormMessages.labelFor("What _happened", description), description,
                FormMessages.labelFor("When did the office become _aware?", awareAt.date()), awareAt.node(), buttons);
        card.getStyleClass().add("card");
        card.setMaxWidth(640);
        root.getChildren().setAll(card);
        root.setId("breach-new");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean popupOpen = e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing();
            if (e.getCode() == KeyCode.ESCAPE && !popupOpen) {
                e.consume();
                onCancel.run();
            }
        });
    }

    Node node() {
        return root;
    }

    /** A clean form, aware-at now. */
    void start() {
        messages.clear();
        title.clear();
        description.clear();
        awareAt.set(model.now());
        title.requestFocus();
    }

    private void save() {
        messages.clear();
        model.save(onOpened, messages::show);
    }
}
