package org.devicedesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.devicedesk.core.Csv;
import org.devicedesk.core.Role;
import org.devicedesk.core.Session;
import org.devicedesk.testing.FxTest;
import org.devicedesk.ui.AppContext;
import org.devicedesk.ui.CsvImportDialog;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The first-run question before a new database is created, and the import preview saying which encoding it read. */
class StartupDialogsTest extends FxTest {

    @Test
    void theFirstRunQuestionNamesTheFileAndQuitCreatesNothing(FxRobot robot) {
        Path file = testDb.dir.resolve("Ofice").resolveSibling("new-office.db").toAbsolutePath();
        Alert[] shown = new Alert[1];
        runFx(() -> {
            shown[0] = DeviceDesk.newDatabaseQuestion(stage, file);
            shown[0].show();
        });
        TextArea text = node(robot, "startup-new-database", TextArea.class);
        assertTrue(text.getText().startsWith("Create a new, empty database in the file\n" + file + "\n"), text.getText());
        assertTrue(text.getText().contains("nothing has been created"), text.getText());
        assertTrue(robot.lookup("#startup-create").tryQuery().isPresent());
        robot.clickOn(node(robot, "startup-quit"));
        waitUntil(() -> !shown[0].isShowing());
        assertEquals(javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE, shown[0].getResult().getButtonData());
        assertFalse(Files.exists(file));
    }

    @Test
    void theImportPreviewSaysItReadAWindows1252File(FxRobot robot) {
        Session helen = testDb.session("helen", Role.HELPDESK);
        signInAs(helen);
        byte[] excel = "asset_tag,kind,mode,make_model,team\r\nOPCC-9001,LAPTOP,POOL,Café laptop – spare,Service Desk\r\n".getBytes(Charset.forName("windows-1252"));
        AppContext context = new AppContext(testDb.services::byType, testDb.services.clock, helen, (k, a) -> { }, () -> stage);
        runFx(() -> CsvImportDialog.show(context, "Import devices", "help", "devices.csv", Csv.decode(excel),
                r -> testDb.services.devices.importer().preview(helen, r), (r, told) -> testDb.services.devices.importer().importAll(helen, r, told), n -> { }));
        Label summary = node(robot, "import-summary", Label.class);
        waitUntil(() -> summary.getText().contains("no problems found"));
        assertTrue(summary.getText().startsWith("devices.csv (read as Windows-1252 (the encoding Excel on Windows uses for \"CSV\")): 1 row"),
                summary.getText());
        @SuppressWarnings("unchecked") TableView<List<String>> sample = node(robot, "import-preview-table", TableView.class);
        assertTrue(sample.getItems().get(0).contains("Café laptop – spare"), sample.getItems().toString());
        robot.clickOn("#import-cancel");
    }

    @Test
    void theOneTimeDemoPasswordCanBeCopied(FxRobot robot) {
        String message = "Demo accounts: admin, staff\nPassword for each: desk-abcd-efgh-jkmn\nThis is shown once; write it down now.";
        Alert[] shown = new Alert[1];
        runFx(() -> {
            shown[0] = DeviceDesk.demoMessage(stage, message);
            shown[0].show();
        });
        assertEquals(message, node(robot, "demo-message", Label.class).getText());
        robot.clickOn("#demo-copy-password");
        String[] copied = new String[1];
        runFx(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("desk-abcd-efgh-jkmn", copied[0]);
        assertEquals("Copied", node(robot, "demo-copy-password", javafx.scene.control.Button.class).getText());
        runFx(() -> shown[0].close());
    }
}
