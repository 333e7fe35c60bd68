package org.devicedesk.core;

/**
 * The database cannot be used as it is. Carries what is wrong, which file, and what to do, for a
 * dialog a person can act on. The file has not been changed.
 */
public final class DatabaseProblem extends RuntimeException {
    public enum Kind { MISSING_FOLDER, READ_ONLY, LOCKED, NOT_A_DATABASE, NEWER_VERSION, CORRUPT, CANNOT_CONNECT }

    private final Kind kind;
    private final String location;
    private final String whatToDo;

    public DatabaseProblem(Kind kind, String location, String whatIsWrong, String whatToDo, Throwable cause) {
        super(whatIsWrong, cause);
        this.kind = kind;
        this.location = location;
        this.whatToDo = whatToDo;
    }

    public Kind kind() { return kind; }

    public String location() { return location; }

    public String whatIsWrong() { return getMessage(); }

    public String whatToDo() { return whatToDo; }

    /** The whole explanation as plain text: what is wrong, which file, what to do. */
    public String explanation() {
        return whatIsWrong() + "\n\nDatabase: " + location + "\n\n" + whatToDo;
    }
}
