package com.clockface.ui.admin;

import com.clockface.admin.Persons;
import com.clockface.store.Person;
import com.clockface.timeclock.DayTotal;
import com.clockface.timeclock.Period;
import com.clockface.timeclock.PeriodLock;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchStatus;
import com.clockface.timeclock.Shift;
import com.clockface.timeclock.ShiftFlag;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.timeclock.Timesheet;
import com.clockface.timeclock.TimesheetCsv;
import com.clockface.timeclock.TimesheetReport;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Timesheets: a person and a period (week, two weeks, month), the shifts with their flags, totals, a chart
 * of daily hours, punch corrections (add, move, delete — with a reason), period approval (lock) and CSV export.
 */
final class TimesheetScreen implements AdminView.Screen {

    enum Length {
        WEEK("Week"), TWO_WEEKS("Two weeks"), MONTH("Month");
        final String text;
        Length(String t) { text = t; }
        @Override public String toString() { return text; }
    }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final AdminView root;
    private final VBox view;
    private final ComboBox<Person> person = new ComboBox<>();
    private final ComboBox<Length> length = new ComboBox<>(FXCollections.observableArrayList(Length.values()));
    private final DatePicker date = new DatePicker(LocalDate.now());
    private final Label periodLabel = Ui.label("", "period-label");
    private final TableView<Shift> shifts = new TableView<>();
    private final TableView<Punch> punches = new TableView<>();
    private final Label totals = Ui.label("", "totals");
    private final Label lockLabel = Ui.label("", "lock-label");
    private final Label message = new Label();
    private final BarChart<String, Number> chart;
    private final Button lockButton;
    private Timesheet current;

    TimesheetScreen(AdminView root) {
        this.root = root;
        person.setId("ts-person");
        person.setPrefWidth(280);
        person.setPromptText("Choose a person");
        person.setCellFactory(l -> new PersonCell());
        person.setButtonCell(new PersonCell());
        person.setOnAction(e -> reload());
        length.setId("ts-length");
        length.setValue(Length.WEEK);
        length.setOnAction(e -> reload());
        date.setId("ts-date");
        Ui.isoDates(date);
        date.setPrefWidth(170);
        date.setOnAction(e -> reload());
        Button prev = Ui.button("‹", "ts-prev", () -> step(-1), "icon-button");
        Button next = Ui.button("›", "ts-next", () -> step(1), "icon-button");

        shifts.setId("ts-shifts");
        shifts.getColumns().setAll(List.of(
                col("Workday", s -> DAY.format(s.workday())),
                col("In", s -> time(s.in())),
                col("Out", s -> time(s.out())),
                col("Hours", s -> s.hours().toPlainString()),
                col("Flags", s -> s.flags().stream().map(TimesheetScreen::flagText).collect(Collectors.joining(", ")))));
        shifts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        shifts.setPlaceholder(Ui.label("No shifts in this period.", "muted"));
        shifts.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Shift s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("flagged-row");
                if (!empty && s != null && (s.missingPunch() || s.has(ShiftFlag.OVERLONG))) getStyleClass().add("flagged-row");
            }
        });
        shifts.setPrefHeight(236);
        totals.setMinHeight(Region.USE_PREF_SIZE);

        punches.setId("ts-punches");
        TableColumn<Punch, String> pWhen = pcol("Time", p -> DAY.format(p.at().atZone(p.zone())) + "  " + HM.format(p.at().atZone(p.zone())));
        punches.getColumns().setAll(List.of(pWhen, pcol("Kind", p -> p.kind().name()),
                pcol("Source", p -> cap(p.source().name())), pcol("Status", p -> cap(p.status().name())),
                pcol("Note", p -> p.note() == null ? "" : p.note())));
        punches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        punches.setPlaceholder(Ui.label("No punches in this period.", "muted"));
        punches.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Punch p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().remove("inactive-row");
                if (!empty && p != null && !p.counts()) getStyleClass().add("inactive-row");
            }
        });
        punches.setPrefHeight(160);
        VBox.setVgrow(punches, Priority.ALWAYS);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("hours");
        chart = new BarChart<>(x, y);
        chart.setId("ts-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Hours per day");
        chart.setPrefHeight(240);
        chart.setMinHeight(200);

        Button add = Ui.button("Add punch…", "ts-add", () -> correct(CorrectionDialog.Mode.ADD), "primary");
        Button move = Ui.button("Move…", "ts-move", () -> correct(CorrectionDialog.Mode.MOVE));
        Button delete = Ui.button("Delete…", "ts-delete", () -> correct(CorrectionDialog.Mode.DELETE));
        lockButton = Ui.button("Approve period", "ts-lock", this::toggleLock);
        Button export = Ui.button("Export CSV…", "ts-export", this::exportCsv);
        message.setId("ts-message");
        Ui.status(message, "", true);

        HBox pickers = Ui.row(10, person, length, prev, date, next, periodLabel);
        VBox shiftsCard = Ui.card(Ui.section("Shifts"), shifts, totals);
        VBox chartCard = Ui.card(chart);
        VBox punchCard = Ui.card(Ui.row(10, Ui.section("Punches"), Ui.spacer(), add, move, delete), punches);
        HBox upper = new HBox(20, shiftsCard, chartCard);
        HBox.setHgrow(shiftsCard, Priority.ALWAYS);
        chartCard.setPrefWidth(420);
        chartCard.setMinWidth(360);
        VBox.setVgrow(punchCard, Priority.ALWAYS);
        view = new VBox(16, Ui.row(12, Ui.title("Timesheets"), Ui.spacer(), lockLabel, lockButton, export),
                pickers, message, upper, punchCard);
        view.setPadding(new Insets(28, 32, 28, 32));
    }

    private static final class PersonCell extends ListCell<Person> {
        @Override
        protected void updateItem(Person p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.employeeNo() + "  " + Persons.displayName(p));
        }
    }

    private static TableColumn<Shift, String> col(String title, java.util.function.Function<Shift, String> f) {
        TableColumn<Shift, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<Punch, String> pcol(String title, java.util.function.Function<Punch, String> f) {
        TableColumn<Punch, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    static String flagText(ShiftFlag f) {
        return switch (f) {
            case MISSING_OUT -> "missing OUT";
            case MISSING_IN -> "missing IN";
            case OVERLONG -> "overlong";
            case CROSSES_MIDNIGHT -> "night shift";
        };
    }

    private static String cap(String s) { return s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT); }

    private static String time(OffsetDateTime t) { return t == null ? "—" : HM.format(t); }

    @Override
    public Node view() { return view; }

    @Override
    public void refresh() {
        Person sel = person.getValue();
        List<Person> people = root.services().persons().list(null, null);
        person.setItems(FXCollections.observableArrayList(people));
        if (sel != null) people.stream().filter(p -> p.id() == sel.id()).findFirst().ifPresent(person::setValue);
        else if (!people.isEmpty()) person.setValue(people.get(0));
        reload();
    }

    /** Selects the person and the period containing {@code day} (tests, and the kiosk's "today" shortcut). */
    void select(String employeeNo, Length len, LocalDate day) {
        person.getItems().stream().filter(p -> p.employeeNo().equals(employeeNo)).findFirst().ifPresent(person::setValue);
        length.setValue(len);
        date.setValue(day);
        reload();
    }

    Period period() {
        TimeclockSettings s = root.services().settings().timeclock();
        LocalDate d = date.getValue() == null ? LocalDate.now(s.zone()) : date.getValue();
        return switch (length.getValue()) {
            case WEEK -> Period.week(d, s.weekStart());
            case TWO_WEEKS -> Period.twoWeeks(d, LocalDate.of(2024, 1, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(s.weekStart())));
            case MONTH -> Period.month(d);
        };
    }

    private void step(int dir) {
        Period p = period();
        LocalDate d = date.getValue() == null ? LocalDate.now() : date.getValue();
        date.setValue(length.getValue() == Length.MONTH ? d.plusMonths(dir) : d.plusDays(dir * p.length()));
        reload();
    }

    void reload() {
        Period p = period();
        periodLabel.setText(DAY.format(p.from()) + " – " + DAY.format(p.to()) + " " + p.to().getYear());
        Person who = person.getValue();
        if (who == null) {
            current = null;
            shifts.getItems().clear();
            punches.getItems().clear();
            chart.getData().clear();
            totals.setText("");
            return;
        }
        try {
            current = root.services().timesheets().forPerson(who.id(), p);
            shifts.setItems(FXCollections.observableArrayList(current.shifts()));
            punches.setItems(FXCollections.observableArrayList(root.services().timesheets().punches(who.id(), p)));
            var t = current.totals();
            totals.setText("Total " + t.hours() + " h   ·   regular " + t.regularHours() + " h   ·   overtime " + t.overtimeHours()
                    + " h   ·   " + t.shifts() + " shifts" + (t.missingPunches() > 0 ? ", " + t.missingPunches() + " incomplete" : ""));
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (DayTotal d : current.days()) {
                series.getData().add(new XYChart.Data<>(d.workday().format(p.length() > 7
                        ? DateTimeFormatter.ofPattern("d", Locale.ENGLISH) : DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH)),
                        d.hours().doubleValue()));
            }
            chart.getData().setAll(List.of(series));
            updateLock(who, p);
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
    }

    private PeriodLock lockCovering(Person who, Period p) {
        for (PeriodLock k : root.services().timesheets().locks(p.from(), p.to())) {
            boolean scope = k.personId() == null || k.personId() == who.id();
            if (scope && !k.from().isAfter(p.from()) && !k.to().isBefore(p.to())) return k;
        }
        return null;
    }

    private void updateLock(Person who, Period p) {
        PeriodLock l = lockCovering(who, p);
        if (l != null) {
            lockLabel.setText("Approved by " + l.lockedBy());
            lockButton.setText("Reopen period");
        } else {
            lockLabel.setText("");
            lockButton.setText("Approve period");
        }
    }

    private void toggleLock() {
        Person who = person.getValue();
        if (who == null) return;
        Period p = period();
        try {
            PeriodLock l = lockCovering(who, p);
            if (l == null) {
                root.services().timesheets().lock(p.from(), p.to(), who.employeeNo(), root.actor());
                Ui.status(message, "Approved and locked: corrections in this period are refused until it is reopened.", true);
            } else {
                String emp = l.personId() == null ? null : who.employeeNo();
                root.services().timesheets().unlock(l.from(), l.to(), emp, root.actor(), "reopened in the admin screen");
                Ui.status(message, "Reopened " + l.from() + " to " + l.to() + ".", true);
            }
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
        reload();
    }

    private void correct(CorrectionDialog.Mode mode) {
        Person who = person.getValue();
        if (who == null) {
            Ui.status(message, "Choose a person first.", false);
            return;
        }
        Punch target = punches.getSelectionModel().getSelectedItem();
        if (mode != CorrectionDialog.Mode.ADD && target == null) {
            Ui.status(message, "Select the punch to " + mode.name().toLowerCase(Locale.ROOT) + " in the list below.", false);
            return;
        }
        if (target != null && mode != CorrectionDialog.Mode.ADD && !target.counts() && target.status() != PunchStatus.PENDING) {
            Ui.status(message, "That punch is " + target.status().name().toLowerCase(Locale.ROOT) + " already.", false);
            return;
        }
        CorrectionDialog d = new CorrectionDialog(root, mode, who, target, date.getValue() == null ? period().from() : date.getValue());
        if (view.getScene() != null) d.initOwner(view.getScene().getWindow());
        d.showAndWait().ifPresent(done -> {
            Ui.status(message, done, true);
            reload();
        });
    }

    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export timesheet CSV");
        Period p = period();
        fc.setInitialFileName("timesheet-" + p.from() + "-" + p.to() + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (f != null) exportTo(f.toPath());
    }

    /** Writes everybody's timesheet of the shown period (shifts file + summary). */
    void exportTo(Path file) {
        try {
            TimesheetReport r = root.services().timesheets().report(period(), null);
            TimesheetCsv.Export e = root.services().timesheets().exportCsv(r, file, root.actor());
            Ui.status(message, "Exported " + r.people().size() + " people to " + e.shifts().getFileName() + " and "
                    + e.summary().getFileName() + ".", true);
        } catch (Exception e) {
            Ui.status(message, "Export failed: " + Ui.message(e), false);
        }
    }

    Timesheet current() { return current; }

}
