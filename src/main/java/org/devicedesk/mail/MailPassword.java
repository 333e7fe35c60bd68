package org.devicedesk.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.devicedesk.core.Refused;

/**
 * Where the SMTP password comes from: a file only this account can read (checked), or else an environment
 * variable of the process that sends. It is never stored in the database and never shown.
 */
public final class MailPassword {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private MailPassword() {}

    /** The password for these settings, or empty when none is configured; refused when the file is unsafe or missing. */
    public static Optional<String> resolve(MailSettings s) {
        return resolve(s, System::getenv);
    }

    static Optional<String> resolve(MailSettings s, Function<String, String> env) {
        if (!s.passwordFile().isEmpty()) {
            Path file = Path.of(s.passwordFile());
            if (!Files.isRegularFile(file)) {
                throw Refused.because("password-file", "The SMTP password file " + file + " does not exist on this computer.");
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(OTHERS::contains)) {
                    throw Refused.because("password-file", "The SMTP password file " + file + " can be read by other accounts. "
                            + "Make it readable by this account only (chmod 600 " + file + ").");
                }
            } catch (UnsupportedOperationException e) {
                // Windows: the file's ACL is the office's to set (installer/README.md)
            } catch (IOException e) {
                throw Refused.because("password-file", "The SMTP password file " + file + " could not be read: " + e.getMessage());
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw Refused.because("password-file", "The SMTP password file " + file + " could not be read: " + e.getMessage());
            }
        }
        if (!s.passwordEnv().isEmpty()) {
            String v = env.apply(s.passwordEnv());
            if (v != null && !v.isEmpty()) return Optional.of(v);
        }
        return Optional.empty();
    }

    /** Where the password is looked for and whether it was found there: for the Settings screen, never the value. */
    public static String describe(MailSettings s) {
        try {
            Optional<String> p = resolve(s);
            if (!s.passwordFile().isEmpty()) return "Read from the file " + s.passwordFile() + " (readable by this account only).";
            if (p.isPresent()) return "Found in the environment variable " + s.passwordEnv() + " on this computer.";
            return s.passwordEnv().isEmpty() ? "No password (the server takes none)."
                    : "Not set on this computer: the environment variable " + s.passwordEnv() + " is empty.";
        } catch (Refused r) {
            return r.getMessage();
        }
    }
}
