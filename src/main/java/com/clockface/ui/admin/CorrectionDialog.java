package com.clockface.ui.admin;

import com.clockface.admin.Persons;
import com.clockface.store.Person;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * A punch correction: add (kind, date, time), move (new date and time) or delete; the reason is mandatory
 * and the OK button stays disabled without one. Applying happens here, so a refusal (locked period, time
 * in the future...) is shown in the dialog and the admin can fix the input. Returns the sentence to show.
 */
final class CorrectionDialog extends Dialog<String> {

    enum Mode { ADD, MOVE, DELETE }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    CorrectionDialog(AdminView root, Mode mode, Person person, Punch target, LocalDate day) {
        setTitle("Correct punches");
        setHeaderText(switch (mode) {
            case ADD -> "Add a punch for " + Persons.displayName(person);
            case MOVE -> "Move the " + target.kind() + " punch of " + Persons.displayName(person);
            case DELETE -> "Delete the " + target.kind() + " punch of " + Persons.displayName(person);
        });
        AdminView.style(getDialogPane());
        ButtonType ok = new ButtonType(switch (mode) {
            case ADD -> "Add punch";
            case MOVE -> "Move punch";
            case DELETE -> "Delete punch";
        }, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);

        ComboBox<PunchKind> kind = new ComboBox<>();
        kind.getItems().setAll(PunchKind.values());
        kind.setValue(PunchKind.IN);
        kind.setId("corr-kind");
        var zoned = target == null ? null : target.at().atZone(target.zone());
        DatePicker date = new DatePicker(zoned == null ? day : zoned.toLocalDate());
        date.setId("corr-date");
        Ui.isoDates(date);
        TextField time = new TextField(zoned == null ? "" : HM.format(zoned));
        time.setPromptText("HH:MM");
        time.setId("corr-time");
        TextArea reason = new TextArea();
        reason.setId("corr-reason");
        reason.setPromptText("Why? (required; kept in the audit log)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label error = new Label();
        error.setId("corr-error");
        Ui.status(error, "", false);

        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        int r = 0;
        if (mode == Mode.ADD) g.addRow(r++, Ui.label("Kind", "field-label"), kind);
        if (mode != Mode.DELETE) {
            g.addRow(r++, Ui.label(mode == Mode.MOVE ? "New date" : "Date", "field-label"), date);
            g.addRow(r++, Ui.label(mode == Mode.MOVE ? "New time" : "Time", "field-label"), time);
        } else {
            g.addRow(r++, Ui.label("Punch", "field-label"), Ui.label(target.kind() + " at "
                    + DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH).format(zoned), "value"));
        }
        g.addRow(r++, Ui.label("Reason", "field-label"), reason);
        g.add(error, 0, r, 2, 1);
        g.add(Ui.label("Times are in the kiosk's time zone (" + root.services().settings().zone().getId() + ").", "muted"), 0, r + 1, 2, 1);
        getDialogPane().setContent(g);
        getDialogPane().setPrefWidth(520);

        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("corr-ok");
        okButton.disableProperty().bind(reason.textProperty().isEmpty());
        String[] outcome = new String[1];
        okButton.addEventFilter(ActionEvent.ACTION, ev -> {
            try {
                String said = reason.getText().strip();
                String done = switch (mode) {
                    case ADD -> {
                        Punch p = root.services().corrections().add(person.id(), kind.getValue(),
                                com.clockface.timeclock.Correction.resolveLocal(LocalDateTime.of(date.getValue(), parse(time.getText())),
                                        root.services().settings().zone()), said, root.actor());
                        yield "Added " + p.kind() + " at " + HM.format(p.at().atZone(p.zone())) + " on " + p.at().atZone(p.zone()).toLocalDate() + ".";
                    }
                    case MOVE -> {
                        Punch p = root.services().corrections().move(target.id(), LocalDateTime.of(date.getValue(), parse(time.getText())),
                                said, root.actor());
                        yield "Moved the " + p.kind() + " punch to " + HM.format(p.at().atZone(p.zone())) + ".";
                    }
                    case DELETE -> {
                        root.services().corrections().delete(target.id(), said, root.actor());
                        yield "Deleted the " + target.kind() + " punch.";
                    }
                };
                outcome[0] = done;
            } catch (RuntimeException e) {
                Ui.status(error, Ui.message(e), false);
                ev.consume(); // keep the dialog open so the admin can fix the input
            }
        });
        setResultConverter(b -> b == ok ? outcome[0] : null);
    }

    private static LocalTime parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("Enter a time such as 08:30.");
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time; enter it as HH:MM, e.g. 08:30.");
        }
    }
}
