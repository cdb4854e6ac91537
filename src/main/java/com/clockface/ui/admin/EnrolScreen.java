package com.clockface.ui.admin;

import com.clockface.admin.Enrolment;
import com.clockface.admin.LiveEnrolment;
import com.clockface.checkin.FaceEngine;
import com.clockface.store.Person;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Enrol: a new person (employee number, name, collection, PIN), the consent text shown and its acceptance
 * recorded, and a trusted photo checked against the enrolment rules (refused with the specific reason),
 * with a duplicate warning when the face already belongs to someone else; or a live capture through the
 * check-in session ({@link LiveCaptureView}, judged by {@link LiveEnrolment}) when a camera is available.
 */
final class EnrolScreen implements AdminView.Screen {

    /** The photo being enrolled: set by the file chooser, or directly (tests, drag and drop). */
    final ObjectProperty<Path> photo = new SimpleObjectProperty<>();

    private final AdminView root;
    private final VBox view;
    private final TextField employeeNo = new TextField();
    private final TextField name = new TextField();
    private final TextField collection = new TextField();
    private final PasswordField pin = new PasswordField();
    private final TextArea consentText = new TextArea();
    private final CheckBox consent = new CheckBox("The person has read this text and agrees");
    private final CheckBox notDuplicate = new CheckBox("I checked: this is a different person");
    private final ImageView preview = new ImageView();
    private final Label photoHint = Ui.label("No photo yet", "muted");
    private final Label photoStatus = new Label();
    private final Label message = new Label();
    private final Button enrol;
    private Enrolment.CheckedPhoto checked;
    private LiveEnrolment.Result liveResult;
    private LiveEnrolment liveEnrolment;
    private final StackPane page = new StackPane();
    private LiveCaptureView live;
    private boolean busy;

    EnrolScreen(AdminView root) {
        this.root = root;
        employeeNo.setId("enrol-employee-no");
        employeeNo.setPromptText("e.g. EMP042");
        name.setId("enrol-name");
        name.setPromptText("Full name");
        collection.setId("enrol-collection");
        collection.setPromptText("default");
        pin.setId("enrol-pin");
        pin.setPromptText("4-8 digits, for the PIN fallback (optional)");
        consentText.setId("enrol-consent-text");
        consentText.setEditable(false);
        consentText.setWrapText(true);
        consentText.setPrefRowCount(4);
        consentText.getStyleClass().add("consent-text");
        consent.setId("enrol-consent");
        notDuplicate.setId("enrol-not-duplicate");
        notDuplicate.setVisible(false);
        notDuplicate.setManaged(false);
        photoStatus.setId("enrol-photo-status");
        photoStatus.setWrapText(true);
        Ui.status(photoStatus, "", true);
        message.setId("enrol-message");
        Ui.status(message, "", true);

        GridPane form = new GridPane();
        form.setHgap(14);
        form.setVgap(12);
        form.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints(260, 360, Double.MAX_VALUE));
        form.addRow(0, Ui.label("Employee no.", "field-label"), employeeNo);
        form.addRow(1, Ui.label("Name", "field-label"), name);
        form.addRow(2, Ui.label("Collection / site", "field-label"), collection);
        form.addRow(3, Ui.label("PIN", "field-label"), pin);
        VBox personCard = Ui.card(Ui.section("1  Person"), form);
        VBox consentCard = Ui.card(Ui.section("2  Consent"), consentText, consent);

        preview.setFitWidth(260);
        preview.setFitHeight(260);
        preview.setPreserveRatio(true);
        preview.setId("enrol-preview");
        StackPane frame = new StackPane(photoHint, preview);
        frame.getStyleClass().add("photo-frame");
        frame.setPrefSize(280, 280);
        frame.setMinSize(280, 280);
        frame.setMaxSize(280, 280);
        Button choose = Ui.button("Upload photo…", "enrol-choose", this::choosePhoto, "primary");
        boolean camera = root.cameraSource() != null;
        Button live = Ui.button(camera ? "Live capture…" : "Live capture: no camera here", "enrol-live", this::openLive);
        live.setDisable(!camera);
        live.setWrapText(true);
        live.setMaxWidth(Double.MAX_VALUE);
        choose.setMaxWidth(Double.MAX_VALUE);
        Label rules = Ui.label("Photo: PNG, JPEG or JPEG 2000, at most 2 MB. One frontal, sharp, well-lit face with at "
                + "least 85 px between the eyes. Live: the person in front of the camera, high-security liveness.", "muted");
        VBox photoSide = new VBox(12, choose, live, rules, photoStatus, notDuplicate);
        photoSide.setPrefWidth(220);
        photoSide.setMaxWidth(360);
        HBox photoRow = new HBox(20, frame, photoSide);
        photoRow.setAlignment(Pos.TOP_LEFT);
        VBox photoCard = Ui.card(Ui.section("3  Face"), photoRow);

        enrol = Ui.button("Enrol person", "enrol-save", this::save, "primary", "large");
        photo.addListener((o, a, p) -> check(p));

        VBox leftCol = new VBox(16, personCard, consentCard);
        HBox.setHgrow(leftCol, Priority.ALWAYS);
        HBox cols = new HBox(20, leftCol, photoCard);
        view = new VBox(16, Ui.title("Enrol"), Ui.subtitle("Add a person who will clock in with their face."), cols,
                Ui.row(14, enrol, message));
        view.setPadding(new Insets(28, 32, 28, 32));
        page.getChildren().setAll(view);
    }

    @Override
    public Node view() { return page; }

    @Override
    public void refresh() {
        consentText.setText(root.services().settings().consentText());
        if (live != null) closeLive(); // a capture left by navigating away was stopped; start afresh
    }

    /** Opens the live capture in place of the form (the form keeps what was typed). */
    void openLive() {
        live = new LiveCaptureView(root, this::useLive, this::closeLive);
        page.getChildren().setAll(live);
        live.start();
    }

    /** The live capture open now, or null (tests). */
    LiveCaptureView liveCapture() { return live; }

    private void closeLive() {
        if (live != null) live.stop();
        live = null;
        page.getChildren().setAll(view);
    }

    private void useLive(LiveEnrolment.Result r) {
        LiveEnrolment judge = live.enrolment();
        closeLive();
        photo.set(null);
        liveResult = r;
        liveEnrolment = judge;
        LiveEnrolment.ChosenFrame best = r.best();
        preview.setImage(best == null || best.faceCrop() == null ? null : FxImages.of(best.faceCrop()));
        photoHint.setText("");
        if (r.duplicateSuspected()) {
            Ui.status(photoStatus, r.message() + " Enrol only if this is a different person.", false);
            notDuplicate.setVisible(true);
            notDuplicate.setManaged(true);
        } else {
            Ui.status(photoStatus, r.message(), true);
        }
    }

    private void choosePhoto() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Choose a trusted photo");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photos (PNG, JPEG, JPEG 2000)",
                "*.png", "*.jpg", "*.jpeg", "*.jp2", "*.j2k", "*.PNG", "*.JPG", "*.JPEG"));
        File f = fc.showOpenDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (f != null) {
            photo.set(null); // choosing the same file again re-checks it
            photo.set(f.toPath());
        }
    }

    /** Checks the photo off the FX thread: decode, quality rules, embedding, duplicate search. */
    private void check(Path p) {
        checked = null;
        if (p != null) { // a photo replaces a live capture
            liveResult = null;
            liveEnrolment = null;
        }
        notDuplicate.setSelected(false);
        notDuplicate.setVisible(false);
        notDuplicate.setManaged(false);
        if (p == null) {
            preview.setImage(null);
            photoHint.setText("No photo yet");
            Ui.status(photoStatus, "", true);
            return;
        }
        try {
            // Preview only when small enough to be a valid upload; the checks say why otherwise.
            preview.setImage(Files.size(p) <= com.clockface.vision.FaceQuality.TRUSTED_PHOTO_MAX_BYTES ? new Image(p.toUri().toString(), 520, 520, true, true) : null);
        } catch (Exception e) {
            preview.setImage(null);
        }
        photoHint.setText(preview.getImage() == null || preview.getImage().isError() ? "No preview" : "");
        Ui.status(photoStatus, "Checking the photo…", true);
        busy = true;
        Ui.background(() -> {
            FaceEngine engine = root.engineNow();
            return new Enrolment(root.services().database(), root.services().hashIterations()).checkPhoto(engine, p, 0);
        }, c -> {
            busy = false;
            if (!p.equals(photo.get())) return; // another photo was chosen meanwhile
            checked = c;
            if (c.duplicateSuspected()) {
                Ui.status(photoStatus, "Warning: this face looks like " + c.lookalikes().stream()
                        .map(l -> l.name() + " (" + l.employeeNo() + ", " + Math.round(l.score() * 100) + "%)")
                        .collect(Collectors.joining(", ")) + ". Enrol only if this is a different person.", false);
                notDuplicate.setVisible(true);
                notDuplicate.setManaged(true);
            } else {
                Ui.status(photoStatus, "Photo accepted (quality " + Math.round(c.template().quality().score() * 100) + "%).", true);
            }
        }, e -> {
            busy = false;
            if (!p.equals(photo.get())) return;
            Ui.status(photoStatus, Ui.message(e), false);
        });
    }

    /** Whether a photo check is running (tests wait for it). */
    boolean busy() { return busy; }

    private void save() {
        if (busy) {
            Ui.status(message, "Wait until the photo is checked.", false);
            return;
        }
        if (checked == null && liveResult == null) {
            Ui.status(message, "Upload an accepted photo or make a live capture first.", false);
            return;
        }
        boolean duplicate = checked != null ? checked.duplicateSuspected() : liveResult.duplicateSuspected();
        if (duplicate && !notDuplicate.isSelected()) {
            Ui.status(message, "The face resembles someone already enrolled; confirm it is a different person.", false);
            return;
        }
        Enrolment.CheckedPhoto photoToSave = checked;
        LiveEnrolment.Result liveToSave = liveResult;
        try {
            Enrolment enrolment = new Enrolment(root.services().database(), root.services().hashIterations());
            Person p = enrolment.createPerson(employeeNo.getText(), name.getText(), collection.getText(), pin.getText(),
                    consent.isSelected(), root.actor());
            int templates = 1;
            if (photoToSave != null) {
                enrolment.saveTemplate(root.engineNow(), p.id(), photoToSave, root.actor());
            } else {
                templates = liveEnrolment.save(p.id(), liveToSave, notDuplicate.isSelected(), root.actor()).size();
            }
            liveResult = null;
            liveEnrolment = null;
            Ui.status(message, "Enrolled " + p.name() + " (" + p.employeeNo() + ") with " + templates
                    + (templates == 1 ? " face template." : " face templates."), true);
            employeeNo.clear();
            name.clear();
            pin.clear();
            consent.setSelected(false);
            photo.set(null);
        } catch (Exception e) {
            Ui.status(message, Ui.message(e), false);
        }
    }
}
