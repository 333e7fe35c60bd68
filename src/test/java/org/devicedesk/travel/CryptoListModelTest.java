package org.devicedesk.travel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.devicedesk.core.Conflict;
import org.devicedesk.core.Refused;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules that sat in CryptoListSettings (now CryptoListView), in its view model: Tasks.direct(), no window, a real database. */
class CryptoListModelTest {
    private TestDb t;
    private TravelService travel;
    private Session ada;
    private Session alan;

    @BeforeEach
    void setUp() {
        t = TestDb.create(Instant.parse("2026-03-04T10:00:00Z"));
        travel = t.services.travel;
        ada = t.session("ada", Role.ADMIN, Role.STAFF);
        alan = t.session("alan", Role.ADMIN, Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private CryptoListModel loaded(Session who) {
        CryptoListModel m = new CryptoListModel(travel, who, Tasks.direct());
        m.reload(() -> { }, e -> { throw new AssertionError(e); });
        return m;
    }

    private static Country country(String code) {
        return Country.all().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theListIsReadWithItsSourceReviewDateAndWhoChangedItLast() {
        CryptoListModel m = new CryptoListModel(travel, ada, Tasks.direct());
        assertNull(m.version(), "nothing read yet");
        m.reload(() -> { }, e -> { throw new AssertionError(e); });
        CryptoList list = travel.cryptoList(ada);
        assertEquals(list.countries(), m.countries);
        assertEquals(list.source(), m.source.get());
        assertEquals(list.reviewedOn(), m.reviewedOn.get());
        assertEquals(list.version(), m.version());
        assertEquals(CryptoListModel.changedLine(list), m.changed.get());
        assertTrue(m.changed.get().startsWith(list.countries().size() + " countries. Last changed by "), m.changed.get());
    }

    @Test
    void aCountryAddedIsSavedWithTheVersionReadAndTheListIsReadAgain() {
        CryptoListModel m = loaded(ada);
        long before = m.version();
        List<String> said = new ArrayList<>();
        m.saveCountry(country("VN"), "Import licence needed for encrypted laptops.", said::add, e -> { throw new AssertionError(e); });
        assertEquals(List.of(country("VN").name() + " saved on the list."), said);
        assertTrue(m.countries.stream().anyMatch(e -> e.code().equals("VN") && e.note().startsWith("Import licence")));
        assertTrue(m.version() > before, "the new version is kept for the next change");
        assertTrue(m.changed.get().contains("Ada Tester"), m.changed.get());

        CryptoList.Entry vn = m.countries.stream().filter(e -> e.code().equals("VN")).findFirst().orElseThrow();
        m.remove(vn, said::add, e -> { throw new AssertionError(e); });
        assertEquals(country("VN").name() + " removed from the list.", said.get(1));
        assertTrue(m.countries.stream().noneMatch(e -> e.code().equals("VN")));
    }

    @Test
    void theSourceAndReviewDateTypedAreSaved() {
        CryptoListModel m = loaded(ada);
        m.source.set("Crypto Law Survey (checked by Information Security)");
        AtomicReference<String> said = new AtomicReference<>();
        m.saveDetails(LocalDate.parse("2026-03-01"), said::set, e -> { throw new AssertionError(e); });
        assertEquals("Source and review date saved.", said.get());
        assertEquals("Crypto Law Survey (checked by Information Security)", travel.cryptoList(ada).source());
        assertEquals(LocalDate.parse("2026-03-01"), m.reviewedOn.get());
    }

    @Test
    void aChangeFromAnOutOfDateCopyIsRefusedAndTheListIsReadAgain() {
        CryptoListModel mine = loaded(ada);
        CryptoListModel theirs = loaded(alan);
        theirs.saveCountry(country("VN"), "First", x -> { }, e -> { throw new AssertionError(e); });

        List<Throwable> failed = new ArrayList<>();
        mine.saveCountry(country("VN"), "Second", x -> { throw new AssertionError("the copy was out of date"); }, failed::add);
        assertEquals(1, failed.size());
        assertInstanceOf(Conflict.class, failed.get(0));
        assertTrue(mine.countries.stream().anyMatch(e -> e.code().equals("VN") && "First".equals(e.note())), "read again: the other change shows");
        assertTrue(mine.changed.get().contains("Alan Tester"), mine.changed.get());

        failed.clear();
        mine.saveCountry(null, "", x -> { throw new AssertionError("no country chosen"); }, failed::add);
        assertInstanceOf(Refused.class, failed.get(0));
    }
}
