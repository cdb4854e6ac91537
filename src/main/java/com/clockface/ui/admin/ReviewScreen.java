package com.clockface.ui.admin;

import com.clockface.admin.ReviewQueue;
import com.clockface.store.CheckEvent;
import com.clockface.timeclock.Punch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Review queue: check-ins the kiosk could not settle (liveness review, PIN punches, suspected attacks), each
 * with its evidence frame (decrypted into memory only), scores and signals, and the saved recording when there
 * is one ({@link CapsuleReplayView}: step through or play it, re-analysed); approve makes the pending punch
 * count, reject marks it rejected.
 */
final class ReviewScreen implements AdminView.Screen {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private final AdminView root;
    private final VBox view;
    private final ListView<ReviewQueue.Item> list = new ListView<>();
    private final ImageView evidence = new ImageView();
    private final Label noEvidence = Ui.label("No evidence frame kept", "muted");
    private final Label who = Ui.label("", "detail-title");
    private final Label when = Ui.label("", "muted");
    private final GridPane facts = new GridPane();
    private final Label signals = Ui.label("", "signals");
    private final TextField note = new TextField();
    private final Label message = new Label();
    private final VBox detail;
    private final Label count = Ui.label("", "badge");
    private final javafx.scene.layout.StackPane page = new javafx.scene.layout.StackPane();
    private CapsuleReplayView replayView;

    ReviewScreen(AdminView root) {
        this.root = root;
        list.setId("review-list");
        list.setCellFactory(l -> new ItemCell());
        list.setPlaceholder(Ui.label("Nothing waits for review.", "muted"));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> showDetail(i));
        list.setPrefWidth(380);
        list.setMinWidth(320);
        VBox.setVgrow(list, Priority.ALWAYS);

        evidence.setFitWidth(360);
        evidence.setFitHeight(300);
        evidence.setPreserveRatio(true);
        evidence.setId("review-evidence");
        StackPane frame = new StackPane(noEvidence, evidence);
        frame.getStyleClass().add("photo-frame");
        frame.setPrefSize(380, 310);
        frame.setMinSize(380, 310);
        frame.setMaxSize(380, 310);
        facts.setHgap(14);
        facts.setVgap(8);
        note.setId("review-note");
        note.setPromptText("Note for the audit log (optional)");
        Button approve = Ui.button("Approve — punch counts", "review-approve", () -> decide(true), "primary");
        Button reject = Ui.button("Reject", "review-reject", () -> decide(false), "danger");
        message.setId("review-message");
        Ui.status(message, "", true);
        VBox right = new VBox(10, who, when, facts, Ui.section("Signals"), signals);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox top = new HBox(20, frame, right);
        top.setAlignment(Pos.TOP_LEFT);
        detail = Ui.card(top, note, Ui.row(10, approve, reject), message);
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox body = new HBox(20, new VBox(list), detail);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox.setVgrow(body.getChildren().get(0), Priority.ALWAYS);
        view = new VBox(16, Ui.row(12, Ui.title("Review queue"), count), Ui.subtitle(
                "Check-ins the kiosk could not settle alone. Look at the photo and the scores, then approve or reject."), body);
        view.setPadding(new Insets(28, 32, 28, 32));
        page.getChildren().setAll(view);
        showDetail(null);
    }

    private final class ItemCell extends ListCell<ReviewQueue.Item> {
        ItemCell() { setPrefWidth(0); } // fit the list's width: no sideways scrolling

        @Override
        protected void updateItem(ReviewQueue.Item i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label a = Ui.label(i.personLabel(), "cell-title");
            Label b = Ui.label(kindText(i.event()) + "  ·  " + WHEN.format(i.event().at().atZone(zone())), "cell-sub");
            setGraphic(new VBox(2, a, b));
            setText(null);
        }
    }

    private ZoneId zone() { return root.services().settings().zone(); }

    static String kindText(CheckEvent e) {
        String d = e.decision() == null ? "" : e.decision().toUpperCase(Locale.ROOT);
        if (d.contains("ATTACK")) return "Suspected attack";
        if (d.contains("PIN")) return "PIN punch";
        if ("REVIEW".equalsIgnoreCase(e.outcome())) return "Liveness unsure";
        return e.decision() + " / " + e.outcome();
    }

    @Override
    public Node view() { return page; }

    @Override
    public void refresh() {
        closeReplay();
        ReviewQueue.Item sel = list.getSelectionModel().getSelectedItem();
        List<ReviewQueue.Item> items = root.services().review().pending(200);
        list.setItems(FXCollections.observableArrayList(items));
        count.setText(items.size() + " waiting");
        if (!items.isEmpty()) {
            int idx = 0;
            if (sel != null) for (int k = 0; k < items.size(); k++) if (items.get(k).event().id() == sel.event().id()) idx = k;
            list.getSelectionModel().select(idx);
        } else {
            showDetail(null);
        }
    }

    private void showDetail(ReviewQueue.Item i) {
        detail.setDisable(i == null);
        facts.getChildren().clear();
        evidence.setImage(null);
        noEvidence.setText(i == null ? "" : "No evidence frame kept");
        if (i == null) {
            who.setText("Nothing selected");
            when.setText("");
            signals.setText("");
            return;
        }
        CheckEvent e = i.event();
        who.setText(i.personLabel());
        when.setText(kindText(e) + " at " + e.kiosk() + ", " + WHEN.format(e.at().atZone(zone())));
        int r = 0;
        facts.addRow(r++, Ui.label("Liveness", "field-label"), Ui.label(pct(e.livenessScore()) + "  (" + e.outcome() + ")", "value"));
        facts.addRow(r++, Ui.label("Face match", "field-label"), Ui.label(pct(e.matchScore()), "value"));
        facts.addRow(r++, Ui.label("Decision", "field-label"), Ui.label(e.decision(), "value"));
        facts.addRow(r++, Ui.label("Punch", "field-label"), Ui.label(i.punches().isEmpty() ? "none"
                : i.punches().stream().map(ReviewScreen::punchText).collect(Collectors.joining(", ")), "value"));
        if (e.capsulePath() != null) {
            Button replay = Ui.button("Replay recording", "review-replay", () -> openReplay(i));
            facts.addRow(r, Ui.label("Recording", "field-label"), replay);
        }
        signals.setText(signalText(e.signalsJson()));
        if (e.hasEvidence()) {
            try {
                byte[] jpeg = root.services().review().evidence(e.id()).orElse(null);
                if (jpeg != null) {
                    Image img = new Image(new ByteArrayInputStream(jpeg));
                    if (!img.isError()) {
                        evidence.setImage(img);
                        noEvidence.setText("");
                    } else {
                        noEvidence.setText("The evidence frame cannot be shown");
                    }
                }
            } catch (RuntimeException ex) {
                noEvidence.setText("The evidence frame cannot be read: " + Ui.message(ex));
            }
        }
    }

    /** Loads the capsule off the FX thread and shows its replay in place of the queue. */
    void openReplay(ReviewQueue.Item i) {
        Ui.status(message, "Opening the recording…", true);
        Ui.background(() -> root.services().review().replay(root.services().home(), i.event().id(), root.actor()), replay -> {
            Ui.status(message, "", true);
            String title = i.personLabel() + "  ·  " + kindText(i.event()) + " at " + i.event().kiosk() + ", "
                    + WHEN.format(i.event().at().atZone(zone())) + "  ·  check-in #" + i.event().id();
            replayView = new CapsuleReplayView(root, title, replay, this::closeReplay);
            page.getChildren().setAll(replayView);
        }, ex -> Ui.status(message, "The recording cannot be shown: " + Ui.message(ex), false));
    }

    /** The replay open now, or null (tests). */
    CapsuleReplayView replayView() { return replayView; }

    private void closeReplay() {
        replayView = null;
        page.getChildren().setAll(view);
    }

    private static String punchText(Punch p) {
        return p.kind() + " " + DateTimeFormatter.ofPattern("HH:mm").format(p.at().atZone(p.zone())) + " ("
                + p.status().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String pct(Double d) { return d == null ? "—" : Math.round(d * 100) + " / 100"; }

    static String signalText(String json) {
        if (json == null) return "none recorded";
        try {
            JsonNode n = JSON.readTree(json);
            StringBuilder b = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (b.length() > 0) b.append('\n');
                b.append(f.getKey().replace('_', ' ')).append(": ").append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
            }
            return b.length() == 0 ? "none recorded" : b.toString();
        } catch (Exception e) {
            return json;
        }
    }

    private void decide(boolean approve) {
        ReviewQueue.Item i = list.getSelectionModel().getSelectedItem();
        if (i == null) return;
        try {
            if (approve) root.services().review().approve(i.event().id(), root.actor(), note.getText());
            else root.services().review().reject(i.event().id(), root.actor(), note.getText());
            note.clear();
            refresh();
            Ui.status(message, (approve ? "Approved: " : "Rejected: ") + i.personLabel() + ".", true);
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
    }
}
