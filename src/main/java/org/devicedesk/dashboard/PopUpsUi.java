package org.devicedesk.dashboard;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The dashboard's pop-ups in the window's bottom-right corner, newest at the bottom, each an AtlantaFX
 * {@link Notification} (issue 20: in place of ControlsFX, which was in the package for this alone).
 * "Open" goes to the record and closes it; the cross closes it; it goes by itself after a while.
 * Automation ids: {@code notice-popup}, {@code notice-open}.
 */
final class PopUpsUi {
    static final double WIDTH = 380;
    private static final double GAP = 12;

    private final List<Popup> showing = new ArrayList<>();

    /** Shows one pop-up over {@code owner}; {@code open} runs when the person asks to open it. */
    Popup show(Window owner, String title, String text, boolean warning, Duration hideAfter, Runnable open) {
        Popup popup = new Popup();
        Button openButton = new Button("Open");
        openButton.setId("notice-open");
        openButton.getStyleClass().add(warning ? Styles.WARNING : Styles.ACCENT);
        Notification note = new Notification(title + "\n" + text);
        note.setId("notice-popup");
        note.setPrefWidth(WIDTH);
        note.setMaxWidth(WIDTH);
        note.getStyleClass().addAll(Styles.ELEVATED_2, warning ? Styles.WARNING : Styles.ACCENT);
        note.setPrimaryActions(openButton);
        note.setOnClose(e -> hide(popup));
        openButton.setOnAction(e -> {
            hide(popup);
            open.run();
        });
        popup.getContent().add(note);
        popup.setAutoHide(false);
        popup.setHideOnEscape(true);
        popup.setOnHidden(e -> {
            showing.remove(popup);
            place(owner);
        });
        showing.add(popup);
        popup.show(owner);
        place(owner);
        PauseTransition later = new PauseTransition(hideAfter);
        later.setOnFinished(e -> hide(popup));
        later.play();
        return popup;
    }

    List<Popup> showing() {
        return List.copyOf(showing);
    }

    private void hide(Popup popup) {
        if (popup.isShowing()) popup.hide();
    }

    /** Stacks the pop-ups upwards from the owner's bottom-right corner. */
    private void place(Window owner) {
        Rectangle2D area = new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
        double y = area.getMaxY() - GAP;
        for (int i = showing.size() - 1; i >= 0; i--) {
            Popup p = showing.get(i);
            double h = p.getHeight() > 0 ? p.getHeight() : 100;
            y -= h;
            p.setX(area.getMaxX() - WIDTH - GAP);
            p.setY(y);
            y -= GAP;
        }
    }
}
