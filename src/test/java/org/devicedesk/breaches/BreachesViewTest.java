package org.devicedesk.breaches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.devicedesk.breaches.BreachCase.Risk;
import org.devicedesk.breaches.BreachCase.Status;
import org.devicedesk.breaches.BreachService.Outcome;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.incidents.Incident;
import org.devicedesk.incidents.Incident.Type;
import org.devicedesk.testing.FxTest;
import org.devicedesk.testing.TestDb;
import org.devicedesk.ui.Shell;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The breach screen driven by its automation ids; the clock stands at Wednesday 4 March 2026, 10:00 GMT.
 * Three cases: a fresh referral (aware an hour ago), one due in 12 hours, and one the DPO opened that is 8 hours overdue.
 */
class BreachesViewTest extends FxTest {
    private static final Instant NOW = TestDb.DEFAULT_NOW;

    private Session dora;
    private long fresh;
    private long dueSoon;
    private long overdue;

    @Override
    protected void prepare(TestDb db) {
        Session sam = db.session("sam", Role.STAFF);
        dora = db.session("dora", Role.DPO, Role.STAFF);
        db.clock.set(NOW.minus(Duration.ofHours(60)));
        dueSoon = referral(db, sam, "Work phone lost on the bus");
        db.clock.set(NOW.minus(Duration.ofHours(80)));
        overdue = db.services.breaches.openDirect(dora, "Misdirected email to a partner agency", "A victim's referral sent to the wrong agency.",
                NOW.minus(Duration.ofHours(80)));
        db.clock.set(NOW.minus(Duration.ofHours(1)));
        fresh = referral(db, sam, "Personal phone with the community account lost");
        db.clock.set(NOW);
    }

    /** A lost personal phone reported through the incidents service, which refers it to the DPO; returns the case id. */
    private static long referral(TestDb db, Session sam, String what) {
        Incident.Reported r = db.services.incidents.report(sam, new Incident.Draft(Type.PERSONAL_DEVICE_LOST, null, null,
                "Own iPhone with the police community account", null, null, "Bus 50", what, true, null, null, null, null, null));
        return db.services.breaches.forIncident(Session.system(), r.id()).orElseThrow().id();
    }

    private BreachCase get(long id) {
        return testDb.services.breaches.get(dora, id);
    }

    private long auditCount(String action) {
        return testDb.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action = :a").bind("a", action).mapTo(Long.class).one());
    }

    @SuppressWarnings("unchecked")
    private List<BreachCase> queueRows(FxRobot robot) {
        return List.copyOf((List<BreachCase>) node(robot, "breaches-table", TableView.class).getItems());
    }

    private Node rowOf(FxRobot robot, String table, long id) {
        waitUntil(() -> robot.lookup("#" + table + " .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof BreachCase c && c.id() == id)
                .tryQuery().isPresent());
        return robot.lookup("#" + table + " .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof BreachCase c && c.id() == id).query();
    }

    /** The texts of the badges in the row of this case. */
    private List<String> badges(FxRobot robot, String table, long id) {
        return robot.from(rowOf(robot, table, id)).lookup(".badge").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The same, or none while the row is not drawn (for waiting on: a redraw can take the row away for a moment). */
    private List<String> drawnBadges(FxRobot robot, String table, long id) {
        return robot.lookup("#" + table + " .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof BreachCase c && c.id() == id)
                .tryQuery().map(row -> robot.from(row).lookup(".badge").queryAll().stream().map(n -> ((Label) n).getText()).toList())
                .orElse(List.of());
    }

    private List<String> badgeStyles(FxRobot robot, long id, String text) {
        return robot.from(rowOf(robot, "breaches-table", id)).lookup(".badge").queryAll().stream()
                .filter(n -> ((Label) n).getText().equals(text)).findFirst().orElseThrow().getStyleClass();
    }

    /** Shown on screen: the node and every box it sits in are visible. */
    private static boolean showing(Node n) {
        for (Node x = n; x != null; x = x.getParent()) if (!x.isVisible()) return false;
        return n.getScene() != null;
    }

    /** Scrolls the form so the field is in view, as a person would before clicking it. */
    private Node reveal(FxRobot robot, String id) {
        Node n = node(robot, id);
        fx(() -> {
            ScrollPane sp = (ScrollPane) node(robot, "breach-form-scroll");
            Node content = sp.getContent();
            double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
            double room = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / room)));
        });
        return n;
    }

    @Test
    void theQueueCountsDownOverdueInRedDueSoonInAmberAndTheDpoRecordsNotReportableOnlyWithARationale(FxRobot robot) {
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        waitUntil(() -> queueRows(robot).size() == 3);
        assertEquals(List.of(overdue, dueSoon, fresh), queueRows(robot).stream().map(BreachCase::id).toList(), "least time left on top");
        assertTrue(badges(robot, "breaches-table", overdue).contains("Overdue by 8 h 00 min"), badges(robot, "breaches-table", overdue).toString());
        assertTrue(badgeStyles(robot, overdue, "Overdue by 8 h 00 min").contains("badge-danger"));
        assertTrue(badges(robot, "breaches-table", dueSoon).contains("12 h 00 min left"));
        assertTrue(badgeStyles(robot, dueSoon, "12 h 00 min left").contains("badge-warning"));
        assertTrue(badges(robot, "breaches-table", fresh).contains("71 h 00 min left"));
        assertTrue(badges(robot, "breaches-table", fresh).contains("Awaiting review"));

        // the DPO opens the fresh case and reads the incident behind it
        // the row chosen, then Enter: a robot's double-click can arrive as two single clicks on a loaded machine
        robot.clickOn(rowOf(robot, "breaches-table", fresh));
        waitUntil(() -> node(robot, "breaches-table", TableView.class).getSelectionModel().getSelectedItem() instanceof BreachCase c && c.id() == fresh);
        robot.type(KeyCode.ENTER);
        String incidentRef = get(fresh).incidentReference();
        waitUntil(() -> robot.lookup("#breach-incident .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("Own iPhone")));
        assertTrue(robot.lookup("#breach-incident .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains(incidentRef)));
        assertTrue(robot.lookup("#breach-incident-timeline").tryQuery().isPresent(), "with its timeline");
        assertEquals("71 h 00 min left", node(robot, "breach-time-left", Label.class).getText());

        ComboBox<Risk> risk = node(robot, "breach-risk", ComboBox.class);
        ComboBox<Status> status = node(robot, "breach-status", ComboBox.class);
        fx(() -> risk.setValue(Risk.UNLIKELY));
        fx(() -> status.setValue(Status.NOT_REPORTABLE));
        robot.clickOn(reveal(robot, "breach-measures")).write("Account password changed; sessions revoked.");
        robot.clickOn("#breach-save");
        Label message = node(robot, "breach-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("rationale for not reporting it to the ICO"), message.getText());
        BreachCase unchanged = get(fresh);
        assertEquals(Status.AWAITING_REVIEW, unchanged.status(), "nothing stored");
        assertNull(unchanged.measures());
        assertNull(unchanged.risk());
        assertEquals(0, auditCount("BREACH_DECIDED"));

        robot.clickOn(reveal(robot, "breach-rationale")).write("Public posts only; the sessions were revoked within the hour.");
        robot.clickOn("#breach-save");
        waitUntil(() -> get(fresh).status() == Status.NOT_REPORTABLE);
        Label queueMessage = node(robot, "breaches-message", Label.class);
        waitUntil(queueMessage::isVisible);
        assertTrue(queueMessage.getText().contains("left the open queue"), queueMessage.getText());
        waitUntil(() -> queueRows(robot).stream().anyMatch(c -> c.id() == fresh && c.status() == Status.NOT_REPORTABLE));
        List<BreachCase> rows = queueRows(robot);
        assertEquals(List.of(overdue, dueSoon, fresh), rows.stream().map(BreachCase::id).toList(), "decided cases below the open ones");
        assertTrue(rows.subList(0, 2).stream().allMatch(c -> c.status().isOpen()));
        // the items change before the row is drawn again: wait for the drawn badge
        waitUntil(() -> drawnBadges(robot, "breaches-table", fresh).contains("Decided"));
        BreachCase decided = get(fresh);
        assertEquals("Public posts only; the sessions were revoked within the hour.", decided.rationale());
        assertEquals("Account password changed; sessions revoked.", decided.measures());
        assertEquals("dora", decided.decidedBy());
    }

    @Test
    void reportedToTheIcoWithoutTheirReferenceIsRefusedAndEnterSavesOnceItIsGiven(FxRobot robot) {
        Shell shell = signInAs(dora);
        runFx(() -> shell.navigate("breaches", dueSoon)); // as the dashboard's link does
        ComboBox<Risk> risk = node(robot, "breach-risk", ComboBox.class);
        ComboBox<Status> status = node(robot, "breach-status", ComboBox.class);
        waitUntil(() -> status.getItems().contains(Status.REPORTED_TO_ICO));
        fx(() -> risk.setValue(Risk.RISK));
        fx(() -> status.setValue(Status.REPORTED_TO_ICO));
        waitUntil(() -> showing(node(robot, "breach-ico-notified-at")));
        robot.clickOn(reveal(robot, "breach-ico-notified-at")).write("04/03/2026");
        robot.clickOn(reveal(robot, "breach-ico-notified-at-time")).write("09:30");
        robot.clickOn("#breach-save");
        Label message = node(robot, "breach-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("The ICO's reference for the report"), message.getText());
        assertEquals(Status.AWAITING_REVIEW, get(dueSoon).status(), "nothing stored");
        assertNull(get(dueSoon).icoNotifiedAt());

        robot.clickOn(reveal(robot, "breach-ico-reference")).write("IC-482113-KD");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> get(dueSoon).status() == Status.REPORTED_TO_ICO);
        BreachCase c = get(dueSoon);
        assertEquals("IC-482113-KD", c.icoReference());
        assertEquals(Instant.parse("2026-03-04T09:30:00Z"), c.icoNotifiedAt());
        assertFalse(c.reportedLate());
        waitUntil(() -> queueRows(robot).stream().anyMatch(r -> r.id() == dueSoon && r.status() == Status.REPORTED_TO_ICO));
        // the items change before the row is drawn again: wait for the drawn badge
        waitUntil(() -> drawnBadges(robot, "breaches-table", dueSoon).contains("Reported in time"));
    }

    @Test
    void theRegisterFiltersByPeriodAndOutcomeAndExportsWhatItShowsAsNeutralisedCsv(FxRobot robot) throws Exception {
        BreachService breaches = testDb.services.breaches;
        breaches.save(dora, fresh, BreachDraft.of(get(fresh)).withStatus(Status.NOT_REPORTABLE).withRisk(Risk.UNLIKELY)
                .withRationale("=HYPERLINK(\"http://x\") public posts only"));
        breaches.save(dora, dueSoon, BreachDraft.of(get(dueSoon)).withStatus(Status.REPORTED_TO_ICO).withRisk(Risk.RISK)
                .withIco(NOW.minus(Duration.ofHours(2)), "IC-1", null));
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        robot.clickOn(node(robot, "breaches-register"));
        TableView<?> table = node(robot, "breaches-register-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 3);

        ComboBox<Outcome> outcome = node(robot, "breaches-register-outcome", ComboBox.class);
        fx(() -> outcome.setValue(Outcome.REPORTED_TO_ICO));
        waitUntil(() -> table.getItems().size() == 1 && ((BreachCase) table.getItems().get(0)).id() == dueSoon);
        fx(() -> outcome.setValue(null));
        DatePicker from = node(robot, "breaches-register-from", DatePicker.class);
        fx(() -> from.setValue(LocalDate.of(2026, 3, 2))); // the fresh one only: the other two were known of on 28 Feb and 1 Mar
        waitUntil(() -> table.getItems().size() == 1 && ((BreachCase) table.getItems().get(0)).id() == fresh);
        fx(() -> from.setValue(null));
        fx(() -> outcome.setValue(Outcome.NOT_REPORTABLE));
        waitUntil(() -> table.getItems().size() == 1 && ((BreachCase) table.getItems().get(0)).id() == fresh);
        DatePicker to = node(robot, "breaches-register-to", DatePicker.class);
        fx(() -> to.setValue(LocalDate.of(2026, 3, 1)));
        waitUntil(() -> table.getItems().isEmpty());
        fx(() -> to.setValue(null));
        waitUntil(() -> table.getItems().size() == 1);

        Path file = testDb.dir.resolve("register.csv");
        BreachRegisterView register = (BreachRegisterView) node(robot, "breaches-register-page").getUserData();
        register.exportTarget = w -> file.toFile();
        robot.clickOn("#breaches-register-export");
        Label message = node(robot, "breaches-register-message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().contains("exported"));
        assertTrue(message.getText().startsWith("1 case exported to register.csv. For your records, the audit trail's anchor: event "), message.getText());
        var anchor = testDb.services.audit.anchors().latest().orElseThrow(); // anchored outside the database with the export
        assertTrue(message.getText().contains("event " + anchor.seq() + ", hash " + anchor.hash().substring(0, 16)), message.getText());
        assertTrue(anchor.reason().startsWith("breach register exported"), anchor.reason());
        List<Csv.Row> rows = Csv.read(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        assertEquals(BreachService.REGISTER_HEADER, rows.get(0).fields());
        assertEquals(2, rows.size(), "the header and the one case the filter shows");
        Csv.Row line = rows.get(1);
        assertEquals(get(fresh).reference(), line.get(0));
        assertEquals("Not reportable to the ICO", line.get(6));
        assertEquals("'=HYPERLINK(\"http://x\") public posts only", line.get(14), "a formula is neutralised");
        assertEquals(1, auditCount("BREACH_REGISTER_EXPORTED"));

        // a date that does not exist is refused with what was typed, not taken as "any time"
        robot.clickOn(from.getEditor()).write("31/02/2026");
        robot.clickOn("#breaches-register-outcome");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> message.isVisible() && message.getText().contains("\"31/02/2026\" is not a date"));
        robot.clickOn("#breaches-register-export");
        assertEquals(1, auditCount("BREACH_REGISTER_EXPORTED"), "nothing exported while the period cannot be read");
    }

    @Test
    void reportingAnOverdueHighRiskCaseAsksForTheReasonsForTheDelayAndTheDecisionOnTellingTheDataSubjects(FxRobot robot) {
        Shell shell = signInAs(dora);
        runFx(() -> shell.navigate("breaches", overdue));
        ComboBox<Risk> risk = node(robot, "breach-risk", ComboBox.class);
        ComboBox<Status> status = node(robot, "breach-status", ComboBox.class);
        waitUntil(() -> status.getItems().contains(Status.REPORTED_TO_ICO));
        assertFalse(showing(node(robot, "breach-delay-reasons")), "not asked before reporting");
        assertFalse(showing(node(robot, "breach-subjects-told-decision")), "not asked before the risk is high");
        fx(() -> risk.setValue(Risk.HIGH_RISK));
        fx(() -> status.setValue(Status.REPORTED_TO_ICO));
        assertTrue(showing(node(robot, "breach-delay-reasons")), "the deadline has passed: the reasons are asked for");
        assertTrue(showing(node(robot, "breach-subjects-told-decision")), "a high risk: Article 34 is asked");
        robot.clickOn(reveal(robot, "breach-ico-notified-at")).write("04/03/2026");
        robot.clickOn(reveal(robot, "breach-ico-notified-at-time")).write("09:45");
        robot.clickOn(reveal(robot, "breach-ico-reference")).write("IC-777001-ZZ");
        robot.clickOn("#breach-save");
        Label message = node(robot, "breach-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().contains("Article 33(1) requires the reasons for the delay"), message.getText());
        assertTrue(message.getText().contains("whether the data subjects are being told"), message.getText());
        assertEquals(Status.AWAITING_REVIEW, get(overdue).status(), "nothing stored");

        robot.clickOn(reveal(robot, "breach-delay-reasons")).write("The recipient only confirmed on Tuesday that the letter had been opened.");
        ComboBox<BreachCase.SubjectsTold> told = node(robot, "breach-subjects-told-decision", ComboBox.class);
        fx(() -> told.setValue(BreachCase.SubjectsTold.TOLD));
        robot.clickOn(reveal(robot, "breach-subjects-told-at")).write("04/03/2026");
        robot.clickOn(reveal(robot, "breach-subjects-told-at-time")).write("09:00");
        robot.clickOn("#breach-save");
        waitUntil(() -> get(overdue).status() == Status.REPORTED_TO_ICO);
        BreachCase c = get(overdue);
        assertTrue(c.reportedLate());
        assertEquals("The recipient only confirmed on Tuesday that the letter had been opened.", c.delayReasons());
        assertEquals(BreachCase.SubjectsTold.TOLD, c.subjectsToldDecision());
        assertEquals(Instant.parse("2026-03-04T09:00:00Z"), c.subjectsToldAt());
        waitUntil(() -> queueRows(robot).stream().anyMatch(r -> r.id() == overdue && r.status() == Status.REPORTED_TO_ICO));
        // the items change before the row is drawn again: wait for the drawn badge
        waitUntil(() -> drawnBadges(robot, "breaches-table", overdue).contains("Reported late"));
    }

    @Test
    void theDpoOpensACaseForAMisdirectedEmailWithTheKeyboardAndEscGoesBack(FxRobot robot) {
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        waitUntil(() -> queueRows(robot).size() == 3);
        robot.clickOn(node(robot, "breaches-new"));
        robot.clickOn(node(robot, "breach-title")).write("Minutes sent to the wrong councillor");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> testDb.services.breaches.queue(dora, null).size() == 4);
        BreachCase opened = testDb.services.breaches.queue(dora, "wrong councillor").get(0);
        assertFalse(opened.fromIncident());
        assertEquals(NOW, opened.awareAt(), "aware now unless the DPO says otherwise");
        waitUntil(() -> robot.lookup("#breach-incident .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("Opened by the DPO")));
        assertEquals("72 h 00 min left", node(robot, "breach-time-left", Label.class).getText());
        robot.clickOn(reveal(robot, "breach-measures"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#breaches-table").tryQuery().isPresent() && queueRows(robot).size() == 4);
    }

    /** Issue 17 (ADR 0014): Esc, Back or Cancel on an assessment with something typed asks first. */
    @Test
    void goingBackFromAnAssessmentWithSomethingTypedAsksFirst(FxRobot robot) {
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        waitUntil(() -> queueRows(robot).size() == 3);
        robot.clickOn(rowOf(robot, "breaches-table", fresh));
        waitUntil(() -> node(robot, "breaches-table", TableView.class).getSelectionModel().getSelectedItem() instanceof BreachCase c && c.id() == fresh);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#breach-incident .label").queryAll().stream().anyMatch(n -> ((Label) n).getText().contains("Own iPhone")));
        robot.clickOn(reveal(robot, "breach-measures")).write("Sessions revoked.");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn(node(robot, "unsaved-no")); // keep working on it
        waitUntil(() -> robot.lookup("#unsaved").tryQuery().isEmpty());
        assertEquals("Sessions revoked.", robot.lookup("#breach-measures").queryAs(javafx.scene.control.TextArea.class).getText());
        robot.clickOn(reveal(robot, "breach-back"));
        robot.clickOn(node(robot, "unsaved-yes")); // leave without saving
        waitUntil(() -> robot.lookup("#breaches-table").tryQuery().isPresent());
        assertNull(get(fresh).measures(), "nothing stored");
    }

    @Test
    void anAdministratorSeesTheCaseReadOnlyAndCannotOpenOne(FxRobot robot) {
        Session ada = testDb.session("ada", Role.ADMIN);
        Shell shell = signInAs(ada);
        runFx(() -> shell.navigate("breaches", null));
        waitUntil(() -> queueRows(robot).size() == 3);
        assertTrue(robot.lookup("#breaches-new").tryQuery().isEmpty(), "an administrator does not open cases");
        runFx(() -> shell.navigate("breaches", String.valueOf(overdue)));
        waitUntil(() -> robot.lookup("#breach-read-only").tryQuery().isPresent());
        assertTrue(node(robot, "breach-rationale").isDisabled());
        assertTrue(robot.lookup("#breach-save").tryQuery().map(n -> !n.isVisible()).orElse(true), "no save for an administrator");
    }

    @Test
    void thePrintedRegisterPutsEveryCaseOnPagesOfThePrintableSize(FxRobot robot) throws Exception {
        BreachService breaches = testDb.services.breaches;
        for (int i = 1; i <= 30; i++) {
            long id = breaches.openDirect(dora, "Misdirected email number " + i, "An email with a resident's details went to the wrong address. "
                    .repeat(1 + i % 4), NOW.minus(Duration.ofDays(i)));
            if (i % 3 == 0) {
                breaches.save(dora, id, BreachDraft.of(get(id)).withStatus(Status.NOT_REPORTABLE).withRisk(Risk.UNLIKELY)
                        .withAssessment(true, true, false, false, 1, 1, "Little; the recipient deleted it.", "Recall and apology.", Risk.UNLIKELY)
                        .withRationale("One resident's email address, sent to a partner who deleted it the same day."));
            }
        }
        List<BreachCase> cases = breaches.register(dora, BreachService.RegisterQuery.all());
        double width = 538; // A4 with the default margins, in points
        double height = 770;
        List<Node>[] pages = new List[1];
        java.awt.image.BufferedImage[] first = new java.awt.image.BufferedImage[1];
        runFx(() -> {
            pages[0] = BreachRegisterPrintView.pages(cases, BreachService.describe(BreachService.RegisterQuery.all()), NOW, width, height);
            // lay each page out as the printer would, and keep a picture of the first for a person to look at
            for (Node p : pages[0]) {
                javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.Group(p));
                p.applyCss();
                ((javafx.scene.Parent) p).layout();
            }
            javafx.scene.image.WritableImage img = pages[0].get(0).snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            first[0] = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            first[0].setRGB(0, 0, w, h, argb, 0, w);
        });
        javax.imageio.ImageIO.write(first[0], "png", Path.of("target", "breach-register-print-page1.png").toFile());
        assertTrue(pages[0].size() >= 2, "33 cases need more than one page: " + pages[0].size());
        List<String> printed = new java.util.ArrayList<>();
        for (int i = 0; i < pages[0].size(); i++) {
            Node p = pages[0].get(i);
            assertTrue(p.getLayoutBounds().getHeight() <= height, "page " + (i + 1) + " is " + p.getLayoutBounds().getHeight() + " high");
            assertTrue(p.getLayoutBounds().getWidth() <= width + 0.5, "page " + (i + 1) + " is " + p.getLayoutBounds().getWidth() + " wide");
            String pageNo = "page " + (i + 1) + " of " + pages[0].size();
            assertTrue(robot.from(p).lookup(".label").queryAll().stream().anyMatch(n -> ((Label) n).getText().endsWith(pageNo)), pageNo);
            robot.from(p).lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()).filter(t -> t.startsWith("BRE-"))
                    .forEach(printed::add);
        }
        assertEquals(cases.stream().map(c -> c.reference() + "  " + c.title()).toList(), printed, "every case once, in register order");
    }

    @Test
    void theCountdownsMoveOnWithTheClockFromTheCasesAlreadyLoaded(FxRobot robot) {
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        waitUntil(() -> queueRows(robot).size() == 3);
        BreachesView view = (BreachesView) node(robot, "breaches-screen").getUserData();
        testDb.clock.advance(Duration.ofHours(48).plusMinutes(7));
        // what the Timeline does every few seconds: no reload, the rows stay the objects already loaded
        List<BreachCase> before = queueRows(robot);
        runFx(view::tick);
        assertTrue(before.get(2) == queueRows(robot).get(2), "the same loaded rows");
        assertTrue(badges(robot, "breaches-table", overdue).contains("Overdue by 56 h 07 min"), badges(robot, "breaches-table", overdue).toString());
        assertTrue(badges(robot, "breaches-table", dueSoon).contains("Overdue by 36 h 07 min"));
        assertTrue(badgeStyles(robot, fresh, "22 h 53 min left").contains("badge-warning"), "the fresh one has turned amber");
        assertTrue(node(robot, "breaches-count", Label.class).getText().startsWith("3 open (2 overdue, 1 due within 24 h)"),
                node(robot, "breaches-count", Label.class).getText());
    }

    /** Issue 17 / SPEC 5: the register shows the 72-hour clock for every case still undecided, none for a decided one. */
    @Test
    void theRegisterShowsTheTimeLeftForEveryUndecidedCase(FxRobot robot) {
        testDb.services.breaches.save(dora, fresh, BreachDraft.of(get(fresh)).withStatus(Status.NOT_REPORTABLE).withRisk(Risk.UNLIKELY)
                .withRationale("Public posts only"));
        signInAs(dora);
        robot.clickOn(node(robot, "nav-breaches"));
        robot.clickOn(node(robot, "breaches-register"));
        TableView<?> table = node(robot, "breaches-register-table", TableView.class);
        waitUntil(() -> table.getItems().size() == 3);
        assertTrue(table.getColumns().stream().anyMatch(c -> "Time left".equals(c.getText())));
        waitUntil(() -> badges(robot, "breaches-register-table", dueSoon).contains("12 h 00 min left"));
        assertTrue(badges(robot, "breaches-register-table", overdue).contains("Overdue by 8 h 00 min"),
                badges(robot, "breaches-register-table", overdue).toString());
        assertTrue(badges(robot, "breaches-register-table", fresh).stream().noneMatch(b -> b.endsWith("left") || b.startsWith("Overdue")),
                "decided: no clock " + badges(robot, "breaches-register-table", fresh));
    }

    /** Issue 17: a refusal of several sentences is shown whole on the case page, not cut to one line. */
    @Test
    void theCasePageShowsARefusalOfSeveralLinesWhole(FxRobot robot) {
        Shell shell = signInAs(dora);
        runFx(() -> shell.navigate("breaches", overdue));
        ComboBox<Status> status = node(robot, "breach-status", ComboBox.class);
        waitUntil(() -> status.getItems().contains(Status.REPORTED_TO_ICO));
        ComboBox<Risk> risk = node(robot, "breach-risk", ComboBox.class);
        fx(() -> risk.setValue(Risk.HIGH_RISK));
        fx(() -> status.setValue(Status.REPORTED_TO_ICO));
        robot.clickOn("#breach-save");
        Label message = node(robot, "breach-message", Label.class);
        waitUntil(message::isVisible);
        assertTrue(message.getText().split("\n").length >= 3, message.getText());
        waitUntil(() -> message.getHeight() > 0);
        double[] sizes = new double[2];
        fx(() -> {
            sizes[0] = message.getHeight();
            sizes[1] = message.prefHeight(message.getWidth());
        });
        assertTrue(sizes[0] >= sizes[1] - 0.5, "shown " + sizes[0] + " px of the " + sizes[1] + " px its text needs");
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) message.lookup(".text");
        assertEquals(message.getText(), drawn.getText(), "no line is cut to '…'");
    }
}
