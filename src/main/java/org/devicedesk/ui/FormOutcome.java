package org.devicedesk.ui;

import org.devicedesk.core.Conflict;

/**
 * What a view model's last action on a form came to, for the view to show in the form's
 * {@code <form>-message} (through {@link FormMessages}): nothing yet, a success sentence, or the failure
 * (a refusal with its fields, a conflict, an unexpected error). A view-model test reads {@link #text()}
 * without a window.
 */
public final class FormOutcome {
    public static final FormOutcome NONE = new FormOutcome(null, null);
    private final String success;
    private final Throwable failure;

    // identity, not value, equality: saying "Saved." twice is two outcomes, and a property set to the second one tells its listeners
    private FormOutcome(String success, Throwable failure) {
        this.success = success;
        this.failure = failure;
    }

    public Throwable failure() {
        return failure;
    }

    public static FormOutcome done(String text) {
        return new FormOutcome(text, null);
    }

    public static FormOutcome failed(Throwable t) {
        return new FormOutcome(null, t);
    }

    public boolean isFailure() {
        return failure != null;
    }

    public boolean isSuccess() {
        return success != null;
    }

    /** The sentence the person reads: the success text, or the failure in plain words (never a stack trace). */
    public String text() {
        if (failure != null) return FormMessages.describe(failure);
        return success == null ? "" : success;
    }

    /** A stale save (someone else saved first): the form offers its Reload button. */
    public boolean offersReload() {
        return failure instanceof Conflict;
    }

    /** Shows this outcome in the form's message label (and outlines the refused fields). */
    public void showIn(FormMessages messages) {
        if (failure != null) messages.show(failure);
        else if (success != null) messages.success(success);
        else messages.clear();
    }
}
