package org.devicedesk.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * A question with two answers, the safe one the default (Enter or Space on it keeps things as they
 * are). Its buttons carry automation ids, so tests answer it like a person would.
 */
public final class Confirm {
    private Confirm() {}

    /** True when the person chose {@code goText}; false for {@code stayText}, Escape or closing the dialog. */
    public static boolean ask(Window owner, String idPrefix, String title, String text, String goText, String stayText) {
        ButtonType go = new ButtonType(goText, ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(stayText, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, go, stay);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(idPrefix);
        alert.getDialogPane().getStylesheets().add(Theme.appStylesheet());
        Button goButton = (Button) alert.getDialogPane().lookupButton(go);
        Button stayButton = (Button) alert.getDialogPane().lookupButton(stay);
        goButton.setId(idPrefix + "-yes");
        stayButton.setId(idPrefix + "-no");
        goButton.setDefaultButton(false);
        stayButton.setDefaultButton(true);
        alert.setOnShown(e -> stayButton.requestFocus());
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    /** The unsaved-changes guard: may the person leave {@code what} (a form) to {@code toDo}? */
    public static boolean leaveUnsaved(Window owner, String what, String toDo) {
        return ask(owner, "unsaved", "Leave without saving?",
                "You have not saved " + what + ". If you " + toDo + " now, what you typed is lost.",
                "Leave without saving", "Keep working on it");
    }
}
