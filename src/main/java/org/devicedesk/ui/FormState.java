package org.devicedesk.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;

/**
 * The state every editing form's view model keeps about its save: saving (the button waits), the result
 * ({@link FormOutcome}), and the Reload offered after a refused stale save ({@link Reload}) and running.
 * {@link #bind} ties it to the form's message, Save and Reload buttons in the view.
 */
public final class FormState {
    public final BooleanProperty saving = new SimpleBooleanProperty();
    public final BooleanProperty reloading = new SimpleBooleanProperty();
    /** After a refused stale save: the form shows its Reload button. */
    public final BooleanProperty reloadOffered = new SimpleBooleanProperty();
    public final ObjectProperty<FormOutcome> outcome = new SimpleObjectProperty<>(FormOutcome.NONE);

    /** A save starts: the button waits and an earlier Reload offer goes. */
    public void saving() {
        saving.set(true);
        reloadOffered.set(false);
    }

    /** The save or reload failed: said in the form, and a conflict offers the Reload. */
    public void failed(Throwable t) {
        saving.set(false);
        reloading.set(false);
        FormOutcome o = FormOutcome.failed(t);
        outcome.set(o);
        reloadOffered.set(o.offersReload());
    }

    /** The save or reload went through; {@code text} (null: nothing to say) in the form's message. */
    public void done(String text) {
        saving.set(false);
        reloading.set(false);
        reloadOffered.set(false);
        outcome.set(text == null ? FormOutcome.NONE : FormOutcome.done(text));
    }

    /** A fresh form: no message, no Reload. */
    public void clear() {
        saving.set(false);
        reloading.set(false);
        reloadOffered.set(false);
        outcome.set(FormOutcome.NONE);
    }

    /** The view's side: the message shows the outcome, Save waits while saving, Reload shows when offered and waits while running. */
    public void bind(FormMessages messages, Button save, Button reload) {
        outcome.addListener((o, was, now) -> now.showIn(messages));
        save.disableProperty().bind(saving);
        reload.disableProperty().bind(reloading);
        reloadOffered.addListener((o, was, now) -> Reload.show(reload, now));
    }
}
