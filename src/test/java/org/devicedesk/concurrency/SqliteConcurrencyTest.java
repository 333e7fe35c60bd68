package org.devicedesk.concurrency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.devicedesk.core.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The concurrency cases with every client its own connection stack on one SQLite file. */
class SqliteConcurrencyTest extends ConcurrencyCases {
    private Path file;

    @BeforeEach
    void newFile() throws IOException {
        file = Files.createTempDirectory("devicedesk-concurrency").resolve("office.db");
    }

    @AfterEach
    void removeFile() throws IOException {
        try (var files = Files.list(file.getParent())) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(file.getParent());
    }

    @Override
    Database open() {
        return Database.openSqlite(file);
    }
}
