package org.devicedesk.ui;

/**
 * What a view model has to say after a call, for its view to show in {@code <form>-message}
 * ({@link FormMessages#show(Outcome)}): that it worked, that something is wrong (in words), or the failure itself
 * (a {@code Refused}, an access denial, the database away), which {@code FormMessages} puts into words.
 */
public record Outcome(Kind kind, String text, Throwable failure) {
    public enum Kind { SUCCESS, ERROR, FAILURE }

    public static Outcome success(String text) {
        return new Outcome(Kind.SUCCESS, text, null);
    }

    public static Outcome error(String text) {
        return new Outcome(Kind.ERROR, text, null);
    }

    public static Outcome failed(Throwable t) {
        return new Outcome(Kind.FAILURE, FormMessages.describe(t), t);
    }
}
