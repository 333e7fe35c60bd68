package org.devicedesk.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.devicedesk.core.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SMTP password: from a file only the account can read, or an environment variable; never from the database. */
class MailPasswordTest {
    @TempDir Path dir;

    private static MailSettings with(String env, String file) {
        return MailSettings.defaults().withLogin("devicedesk", env, file);
    }

    @Test
    void aFileReadableByThisAccountOnlyIsRead() throws Exception {
        Path file = dir.resolve("smtp-password");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals(Optional.of("s3cret"), MailPassword.resolve(with("", file.toString()), Map.<String, String>of()::get));
    }

    @Test
    void aFileOthersCanReadIsRefusedWithWhatToDo() throws Exception {
        Path file = dir.resolve("smtp-password");
        Files.writeString(file, "s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Refused r = assertThrows(Refused.class, () -> MailPassword.resolve(with("", file.toString()), Map.<String, String>of()::get));
        assertEquals("The SMTP password file " + file + " can be read by other accounts. Make it readable by this account only (chmod 600 "
                + file + ").", r.getMessage());
        assertTrue(MailPassword.describe(with("", file.toString())).contains("chmod 600"));
        assertFalse(MailPassword.describe(with("", file.toString())).contains("s3cret"), "never the password");
    }

    @Test
    void otherwiseTheEnvironmentVariableAndNothingWhenItIsUnset() {
        assertEquals(Optional.of("from-env"), MailPassword.resolve(with("SMTP_PW", ""), Map.<String, String>of("SMTP_PW", "from-env")::get));
        assertEquals(Optional.empty(), MailPassword.resolve(with("SMTP_PW", ""), Map.<String, String>of()::get));
        Refused missing = assertThrows(Refused.class, () -> MailPassword.resolve(with("", dir.resolve("nope").toString()), Map.<String, String>of()::get));
        assertTrue(missing.getMessage().contains("does not exist"));
    }
}
