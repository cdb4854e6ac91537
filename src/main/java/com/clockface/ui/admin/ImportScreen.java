package com.clockface.ui.admin;

import com.clockface.admin.BulkImport;
import com.clockface.checkin.FaceEngine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * Import: many people at once from a CSV file or a folder of photos ({@link BulkImport}), with a progress bar and
 * a report line per row (imported, duplicate not imported, refused with the reason, skipped). The import runs on
 * its own thread and can be stopped between rows; the report can be saved as CSV.
 */
final class ImportScreen implements AdminView.Screen {

    private final AdminView root;
    private final VBox view;
    private final Label source = Ui.label("No file chosen yet", "value");
    private final Label sourceInfo = Ui.label("", "muted");
    private final TextArea consentText = new TextArea();
    private final CheckBox consent = new CheckBox("Every person in this file has read and accepted this consent text");
    private final CheckBox duplicates = new CheckBox("Also import faces that look like someone already enrolled (with a warning)");
    private final Button start;
    private final Button stop;
    private final Button save;
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = Ui.label("", "muted");
    private final Label summary = new Label();
    private final TableView<BulkImport.RowResult> table = new TableView<>();
    private final Label rowDetail = Ui.label("", "value");
    private final ObservableList<BulkImport.RowResult> rows = FXCollections.observableArrayList();

    private Path chosen;
    private List<BulkImport.Row> input;
    private volatile BulkImport running;
    private BulkImport.Report report;

    ImportScreen(AdminView root) {
        this.root = root;
        source.setId("import-source");
        sourceInfo.setId("import-source-info");
        consentText.setEditable(false);
        consentText.setWrapText(true);
        consentText.setPrefRowCount(2);
        consentText.getStyleClass().add("consent-text");
        consent.setId("import-consent");
        duplicates.setId("import-duplicates");
        Button csv = Ui.button("Choose CSV file…", "import-choose-csv", this::chooseCsv, "primary");
        Button folder = Ui.button("Choose photo folder…", "import-choose-folder", this::chooseFolder);
        consent.setWrapText(true);
        duplicates.setWrapText(true);
        consent.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        duplicates.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label help = Ui.label("CSV: columns employee_no, name and photo (a path relative to the CSV); optional: collection, pin, "
                + "consent. Folder: photos named like \"EMP001 - Ana Lima.jpg\". Photos must pass the trusted-photo rules "
                + "(85 px between the eyes, frontal, sharp, well lit).", "muted");
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox sourceCard = Ui.card(Ui.section("1  Source"), Ui.row(10, csv, folder), source, sourceInfo, help);
        VBox consentCard = Ui.card(Ui.section("2  Consent and duplicates"), consentText, consent, duplicates);
        HBox.setHgrow(sourceCard, Priority.ALWAYS);
        HBox.setHgrow(consentCard, Priority.ALWAYS);
        sourceCard.setPrefWidth(520);
        consentCard.setPrefWidth(520);

        start = Ui.button("Import", "import-start", this::startImport, "primary", "large");
        stop = Ui.button("Stop", "import-stop", this::stopImport);
        save = Ui.button("Save report…", "import-save-report", this::saveReport);
        stop.setDisable(true);
        save.setDisable(true);
        progress.setId("import-progress");
        progress.setPrefWidth(320);
        progressText.setId("import-progress-text");
        summary.setId("import-summary");
        summary.setWrapText(true);
        Ui.status(summary, "", true);

        table.setId("import-rows");
        table.setItems(rows);
        table.setPlaceholder(Ui.label("The report of each row appears here.", "muted"));
        table.getColumns().setAll(List.of(
                col("Line", r -> Integer.toString(r.line()), 60),
                col("Employee no.", r -> r.employeeNo() == null ? "" : r.employeeNo(), 130),
                col("Name", r -> r.name() == null ? "" : r.name(), 160),
                col("Photo", r -> r.photo() == null ? "" : r.photo(), 100),
                statusColumn(),
                col("Details", BulkImport.RowResult::message, 420)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        rowDetail.setId("import-row-detail");
        rowDetail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> rowDetail.setText(r == null ? ""
                : "Line " + r.line() + (r.employeeNo() == null ? "" : ", " + r.employeeNo()) + ": " + r.message()));

        view = new VBox(16, Ui.title("Import people"), Ui.subtitle("Many people at once from a CSV file or a folder of photos. "
                + "Every row is checked like a single enrolment; nothing is guessed."), new HBox(20, sourceCard, consentCard),
                Ui.row(14, start, stop, progress, progressText, Ui.spacer(), save), summary, table, rowDetail);
        view.setPadding(new Insets(28, 32, 28, 32));
    }

    private static TableColumn<BulkImport.RowResult, String> col(String title,
            java.util.function.Function<BulkImport.RowResult, String> f, double width) {
        TableColumn<BulkImport.RowResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** The status in words, coloured, never by colour alone. */
    private static TableColumn<BulkImport.RowResult, String> statusColumn() {
        TableColumn<BulkImport.RowResult, String> c = col("Result", ImportScreen::statusText, 215);
        c.setCellFactory(t -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("import-ok", "import-warn", "import-bad", "import-skip");
                setText(empty ? null : s);
                BulkImport.RowResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r == null) return;
                getStyleClass().add(switch (r.status()) {
                    case IMPORTED -> r.reason() == null ? "import-ok" : "import-warn";
                    case DUPLICATE -> "import-warn";
                    case REFUSED -> "import-bad";
                    case SKIPPED -> "import-skip";
                });
            }
        });
        return c;
    }

    static String statusText(BulkImport.RowResult r) {
        return switch (r.status()) {
            case IMPORTED -> r.reason() == null ? "Imported" : "Imported, check";
            case DUPLICATE -> "Duplicate?";
            case REFUSED -> "Refused: " + humanReason(r.reason());
            case SKIPPED -> "Skipped";
        };
    }

    /** A few words for the result column; the details column has the whole sentence. */
    static String humanReason(String code) {
        if (code == null) return "";
        return switch (code) {
            case "EYES_TOO_CLOSE" -> "face too small";
            case "MULTIPLE_FACES" -> "several faces";
            case "FACE_CUT_OFF" -> "face cut off";
            case "NOT_FRONTAL" -> "head turned";
            case "TILTED" -> "head tilted";
            case "BLURRY" -> "blurred";
            case "TOO_DARK" -> "too dark";
            case "TOO_BRIGHT" -> "over-exposed";
            case "NO_FACE" -> "no face";
            case "FILE_TOO_LARGE" -> "file too large";
            case "UNSUPPORTED_FORMAT", "UNREADABLE" -> "not a photo";
            case "PHOTO_NOT_FOUND", "MISSING_PHOTO" -> "no photo file";
            case "MISSING_NAME" -> "no name";
            case "MISSING_EMPLOYEE_NO" -> "no number";
            case "NO_CONSENT" -> "no consent";
            case "BAD_PIN" -> "bad PIN";
            case "NAME_MISMATCH" -> "other name";
            case "ERASED" -> "erased number";
            default -> code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    @Override
    public Node view() { return view; }

    @Override
    public void refresh() {
        consentText.setText(root.services().settings().consentText());
    }

    private void chooseCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Choose the CSV file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.CSV", "*.txt"));
        File f = fc.showOpenDialog(window());
        if (f != null) load(f.toPath());
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Choose the folder of photos");
        File f = dc.showDialog(window());
        if (f != null) load(f.toPath());
    }

    private javafx.stage.Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    /** Reads a CSV file or a photo folder (tests call it directly instead of the choosers). */
    void load(Path p) {
        if (running != null) return;
        chosen = p;
        input = null;
        source.setText(p.toString());
        Ui.status(summary, "", true);
        try {
            input = Files.isDirectory(p) ? BulkImport.readFolder(p) : BulkImport.readCsv(p);
            sourceInfo.setText(input.size() + (input.size() == 1 ? " row" : " rows") + " to check.");
        } catch (Exception e) {
            sourceInfo.setText("");
            Ui.status(summary, Ui.message(e), false);
        }
    }

    private void startImport() {
        if (input == null) {
            Ui.status(summary, "Choose a CSV file or a folder of photos first.", false);
            return;
        }
        if (!consent.isSelected()) {
            Ui.status(summary, "Confirm that every person in the file has accepted the consent text.", false);
            return;
        }
        List<BulkImport.Row> todo = input;
        boolean allowDuplicates = duplicates.isSelected();
        String name = chosen.getFileName() == null ? chosen.toString() : chosen.getFileName().toString();
        rows.clear();
        rowDetail.setText("");
        report = null;
        progress.setProgress(0);
        progressText.setText("Loading the face models…");
        Ui.status(summary, "", true);
        start.setDisable(true);
        save.setDisable(true);
        stop.setDisable(false);
        Thread t = new Thread(() -> {
            try {
                FaceEngine engine = root.engineNow();
                BulkImport job = new BulkImport(root.services().database(), engine, root.services().hashIterations());
                running = job;
                BulkImport.Report r = job.run(name, todo, true, allowDuplicates, root.actor(), (done, total, row) ->
                        Platform.runLater(() -> {
                            rows.add(row);
                            progress.setProgress(done / (double) total);
                            progressText.setText(done + " of " + total + " rows");
                        }));
                Platform.runLater(() -> finished(r));
            } catch (Exception e) {
                Platform.runLater(() -> failed(e));
            }
        }, "admin-import");
        t.setDaemon(true);
        t.start();
    }

    private void stopImport() {
        BulkImport job = running;
        if (job != null) job.cancel();
        stop.setDisable(true);
        progressText.setText("Stopping after this row…");
    }

    private void finished(BulkImport.Report r) {
        running = null;
        report = r;
        start.setDisable(false);
        stop.setDisable(true);
        save.setDisable(false);
        if (!r.cancelled()) progress.setProgress(1);
        progressText.setText(r.rows().size() + " of " + r.total() + " rows" + (r.cancelled() ? " (stopped)" : ""));
        String text = r.imported() + " imported  ·  " + r.duplicates() + (r.duplicates() == 1 ? " duplicate" : " duplicates")
                + " not imported  ·  " + r.refused() + " refused  ·  " + r.skipped() + " skipped";
        Ui.status(summary, text, r.refused() + r.duplicates() == 0);
    }

    private void failed(Throwable e) {
        running = null;
        start.setDisable(false);
        stop.setDisable(true);
        progressText.setText("");
        Ui.status(summary, "The import could not run: " + Ui.message(e), false);
    }

    private void saveReport() {
        if (report == null) return;
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the import report");
        fc.setInitialFileName("import-report.csv");
        File f = fc.showSaveDialog(window());
        if (f == null) return;
        try {
            BulkImport.writeReportCsv(report, f.toPath(), root.services().settings().csvStyle());
            Ui.status(summary, "Report saved to " + f, true);
        } catch (Exception e) {
            Ui.status(summary, "The report could not be saved: " + Ui.message(e), false);
        }
    }

    /** The last finished report, or null (tests). */
    BulkImport.Report report() { return report; }
}
