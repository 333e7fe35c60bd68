package org.devicedesk.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.devicedesk.devices.Device;
import org.devicedesk.ui.Shell;

/**
 * Named set-ups for screenshots: what to do after the screen is shown (on the FX thread), e.g. open
 * a form or select a record. Add one line per scenario to {@link #ALL}; run it with
 * {@code tools/screenshot.sh --as helpdesk --screen devices --scenario devices-new --out ...}.
 * The shell gives the services and the session ({@code shell.context()}) for data a scenario needs.
 */
public final class Scenarios {
    private Scenarios() {}

    public static final Map<String, Consumer<Shell>> ALL = new LinkedHashMap<>();

    static {
        // name -> what to do; keep one line each (sorted by feature)
        ALL.put("accounts-new", shell -> click(shell, "accounts-new"));
        ALL.put("accounts-first", shell -> selectFirstRow(shell, "accounts-table"));
        ALL.put("audit-verify", shell -> click(shell, "audit-verify"));
        ALL.put("breach-case", shell -> shell.navigate("breaches", shell.context().service(org.devicedesk.breaches.BreachService.class).queue(shell.context().session(), null).stream()
                .filter(c -> c.fromIncident() && c.status() == org.devicedesk.breaches.BreachCase.Status.REPORTED_TO_ICO).findFirst().orElseThrow().id()));
        ALL.put("breach-register", shell -> click(shell, "breaches-register"));
        ALL.put("bookings-first", shell -> selectFirstRow(shell, "bookings-table"));
        ALL.put("bookings-fill", shell -> { // the booking form filled for one of the staff member's devices, next Thursday
            pickFirst(shell, "booking-device");
            java.time.LocalDate today = shell.context().service(org.devicedesk.bookings.BookingService.class).today();
            date(shell, "booking-from", today.plusWeeks(1).with(java.time.DayOfWeek.THURSDAY));
            date(shell, "booking-to", today.plusWeeks(1).with(java.time.DayOfWeek.FRIDAY));
            type(shell, "booking-purpose", "Neighbourhood policing panel in Solihull");
        });
        ALL.put("booking-save", shell -> click(shell, "booking-save"));
        ALL.put("scroll-to-dashboard-bookings", shell -> scrollTo(shell, "dashboard-bookings"));
        ALL.put("devices-custody", shell -> shell.navigate("devices", deviceWithLongestHistory(shell)));
        ALL.put("devices-labels", shell -> { // six devices selected, then the label dialog
            @SuppressWarnings("unchecked") TableView<Device> t = (TableView<Device>) find(shell, "devices-table");
            t.getSelectionModel().selectRange(0, Math.min(6, t.getItems().size()));
            click(shell, "devices-print-labels");
        });
        ALL.put("scan-to-open", shell -> { // what a scanner does: the tag typed into the search, then Enter
            @SuppressWarnings("unchecked") TableView<Device> t = (TableView<Device>) find(shell, "devices-table");
            TextInputControl search = (TextInputControl) find(shell, "devices-search");
            search.setText(t.getItems().get(Math.min(4, t.getItems().size() - 1)).assetTag());
            search.fireEvent(new javafx.event.ActionEvent());
        });
        ALL.put("incident-new", shell -> shell.navigate("incidents", "new"));
        ALL.put("incident-fill-lost", shell -> {
            choose(shell, "incident-type", "LOST");
            choose(shell, "incident-device", item -> item.toString().contains("Mobile phone")); // the story is a phone in a bag
            click(shell, "incident-device-locked-yes");
            // yesterday evening: the demo clock is 10:00, and a time after the report is refused
            date(shell, "incident-occurred-at", shell.context().clock().instant().atZone(org.devicedesk.core.AppClock.OFFICE_ZONE).toLocalDate().minusDays(1));
            type(shell, "incident-occurred-at-time", "19:40");
            type(shell, "incident-location", "Cross City line train, Birmingham New Street to Lichfield");
            type(shell, "incident-what-happened", "I left my work bag on the train when I got off at Four Oaks and noticed ten minutes later. "
                    + "The phone was in its front pocket. I called West Midlands Railway lost property; nothing handed in yet.");
        });
        ALL.put("incident-save", shell -> click(shell, "incident-save"));
        // the help desk taking a call: the report is for Hannah Lewis (she holds a laptop and a phone in the demo)
        ALL.put("incident-for-someone", shell -> choose(shell, "incident-reporter", item -> item instanceof org.devicedesk.people.Person p && p.fullName().equals("Hannah Lewis")));
        ALL.put("incident-choose-stolen", shell -> choose(shell, "incident-type", "STOLEN"));
        ALL.put("travel-first", shell -> selectFirstRow(shell, "travel-table"));
        ALL.put("devices-first", shell -> selectFirstRow(shell, "devices-table"));
        ALL.put("incidents-first", shell -> selectFirstRow(shell, "incidents-table"));
        ALL.put("travel-new", shell -> shell.navigate("travel", "new"));
        ALL.put("travel-pending", shell -> shell.navigate("travel", shell.context().service(org.devicedesk.travel.TravelService.class).list(shell.context().session()).stream()
                .filter(n -> n.isPending() && n.cryptoWarning()).findFirst().orElseThrow().id()));
        ALL.put("travel-loaner-decision", shell -> {
            choose(shell, "travel-decision", "APPROVED_WITH_CONDITIONS");
            type(shell, "travel-advice", "Take the clean loaner laptop from the help desk; leave your own laptop and phone at home.");
            choose(shell, "travel-loaner", item -> item == Device.Kind.LAPTOP);
        });
        ALL.put("travel-decision-save", shell -> click(shell, "travel-decision-save"));
        ALL.put("travel-fill-late-crypto", shell -> { // China, leaving in three days: late, and a crypto warning
            type(shell, "travel-destinations-search", "China");
            find(shell, "travel-destinations-search").fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    "", "", javafx.scene.input.KeyCode.ENTER, false, false, false, false));
            java.time.LocalDate today = shell.context().clock().instant().atZone(org.devicedesk.core.AppClock.OFFICE_ZONE).toLocalDate();
            date(shell, "travel-departure-date", today.plusDays(3));
            date(shell, "travel-return-date", today.plusDays(9));
            find(shell, "travel-devices").lookupAll(".check-box").stream().findFirst().ifPresent(b -> ((ButtonBase) b).fire());
            type(shell, "travel-purpose", "Trade delegation with the Mayor's office: meetings in Shanghai on policing and smart-city data.");
        });
        ALL.put("outbox-reminders", shell -> { // mail on, the demo's reminders written, one round of the sender against a server that is not there
            var mail = shell.context().service(org.devicedesk.mail.MailService.class);
            mail.save(shell.context().session(), org.devicedesk.mail.MailSettings.defaults().withEnabled(true)
                    .withServer("127.0.0.1", 2525, org.devicedesk.mail.MailSettings.Security.NONE)
                    .withMailboxes("devicedesk@opcc.example.gov.uk", "dpo@opcc.example.gov.uk", "it.helpdesk@opcc.example.gov.uk", "infosec@opcc.example.gov.uk"));
            mail.reminders().run();
            mail.sender("screenshot").runOnce();
            shell.navigate("settings", "outbox");
        });
        ALL.put("mail-tab", shell -> shell.navigate("settings", "mail"));
        ALL.put("outbox-first", shell -> selectFirstRow(shell, "outbox-table"));
        ALL.put("people-first", shell -> selectFirstRow(shell, "people-table"));
        ALL.put("people-new", shell -> click(shell, "people-new"));
        ALL.put("person-devices", shell -> shell.navigate("people", personHoldingAndReturned(shell)));
        ALL.put("scroll-to-person-devices", shell -> scrollTo(shell, "person-devices"));
    }

    /** The device with the most custody records (the register's first page), to show a history. */
    static long deviceWithLongestHistory(Shell shell) {
        var s = shell.context().session();
        var devices = shell.context().service(org.devicedesk.devices.DeviceService.class);
        return devices.list(s, org.devicedesk.devices.DeviceQuery.all()).devices().stream()
                .filter(Device::isHeld)
                .max(java.util.Comparator.comparingInt(d -> devices.custodyHistory(s, d.id()).size()))
                .orElseThrow().id();
    }

    /** A person who holds more than one device now and returned at least two before. */
    static long personHoldingAndReturned(Shell shell) {
        var s = shell.context().session();
        var devices = shell.context().service(org.devicedesk.devices.DeviceService.class);
        return shell.context().service(org.devicedesk.people.PeopleService.class).list(s, new org.devicedesk.people.PeopleService.Query(null, null, null, null, false)).stream()
                .map(r -> r.person().id())
                .filter(id -> {
                    var c = devices.personCustody(s, id);
                    return c.heldNow().size() >= 2 && c.heldBefore().size() >= 2;
                })
                .findFirst().orElseThrow();
    }

    /** Chooses the item of the combo box whose text (or enum name) is {@code text}. */
    public static void choose(Shell shell, String id, String text) {
        javafx.scene.control.ComboBox<?> c = (javafx.scene.control.ComboBox<?>) find(shell, id);
        for (int i = 0; i < c.getItems().size(); i++) {
            Object item = c.getItems().get(i);
            if (String.valueOf(item).equals(text) || item instanceof Enum<?> e && e.name().equals(text)) {
                c.getSelectionModel().select(i);
                return;
            }
        }
        throw new IllegalStateException("The combo box " + id + " has no item " + text + "; it has " + c.getItems());
    }

    /** Chooses the first item of the combo box that matches, else the first item (when it has any). */
    public static void choose(Shell shell, String id, java.util.function.Predicate<Object> wanted) {
        javafx.scene.control.ComboBox<?> c = (javafx.scene.control.ComboBox<?>) find(shell, id);
        for (int i = 0; i < c.getItems().size(); i++) {
            if (wanted.test(c.getItems().get(i))) {
                c.getSelectionModel().select(i);
                return;
            }
        }
        pickFirst(shell, id);
    }

    /** Chooses the first item of the combo box (when it has any). */
    public static void pickFirst(Shell shell, String id) {
        javafx.scene.control.ComboBox<?> c = (javafx.scene.control.ComboBox<?>) find(shell, id);
        if (!c.getItems().isEmpty()) c.getSelectionModel().select(0);
    }

    /** Sets the date picker with this automation id. */
    public static void date(Shell shell, String id, java.time.LocalDate day) {
        ((javafx.scene.control.DatePicker) find(shell, id)).setValue(day);
    }

    /** Scrolls the scroll pane around the node with this automation id so the node's top is in view. */
    public static void scrollTo(Shell shell, String id) {
        Node n = find(shell, id);
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                double content = sp.getContent().getBoundsInLocal().getHeight(), view = sp.getViewportBounds().getHeight();
                double y = sp.getContent().sceneToLocal(n.localToScene(0, 0)).getY();
                if (content > view) sp.setVvalue(Math.min(1, Math.max(0, (y - 16) / (content - view))));
                return;
            }
        }
    }

    /** Fires the button (or toggle, hyperlink, menu button) with this automation id. */
    public static void click(Shell shell, String id) {
        ((ButtonBase) find(shell, id)).fire();
    }

    /** Types into the text field or area with this automation id (replacing its text). */
    public static void type(Shell shell, String id, String text) {
        ((TextInputControl) find(shell, id)).setText(text);
    }

    /** Selects the first row of the table with this automation id. */
    public static void selectFirstRow(Shell shell, String id) {
        TableView<?> table = (TableView<?>) find(shell, id);
        if (!table.getItems().isEmpty()) table.getSelectionModel().select(0);
    }

    /** The node with this automation id in any open window (main window or dialog), or an error naming the id. */
    public static Node find(Shell shell, String id) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) { // dialogs are windows of their own
            Node n = w.getScene() == null ? null : w.getScene().lookup("#" + id);
            if (n != null) return n;
        }
        throw new IllegalStateException("No node with id " + id + " is showing.");
    }
}
