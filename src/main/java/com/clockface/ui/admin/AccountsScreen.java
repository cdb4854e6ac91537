package com.clockface.ui.admin;

import com.clockface.admin.AdminAccounts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Admin accounts: who may open these screens, and the signed-in admin's own PIN or password (the current one is
 * checked, so the lockout applies). Hashing, lockout and audit are {@link AdminAccounts}'. New admins are added
 * with {@code clockface admin create}: the kiosk's PIN pad signs in by PIN alone, which works with one admin only.
 */
final class AccountsScreen implements AdminView.Screen {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final AdminView root;
    private final VBox view;
    private final TableView<AdminAccounts.Account> table = new TableView<>();
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final Label changeMessage = new Label();

    AccountsScreen(AdminView root) {
        this.root = root;
        TableColumn<AdminAccounts.Account, String> name = new TableColumn<>("Admin");
        name.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().name()));
        name.setPrefWidth(200);
        TableColumn<AdminAccounts.Account, String> since = new TableColumn<>("Since");
        since.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().createdAt() == null ? ""
                : DAY.format(d.getValue().createdAt().atZone(root.services().settings().zone()))));
        since.setPrefWidth(140);
        TableColumn<AdminAccounts.Account, String> state = new TableColumn<>("Status");
        state.setCellValueFactory(d -> new SimpleStringProperty(d.getValue().locked(Instant.now())
                ? "Locked until " + DateTimeFormatter.ofPattern("HH:mm").format(d.getValue().lockedUntil().atZone(root.services().settings().zone()))
                : "Active"));
        state.setPrefWidth(160);
        table.getColumns().setAll(List.of(name, since, state));
        table.setId("accounts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(260);
        VBox list = Ui.card(Ui.section("Admins"), table, Ui.label("Wrong PINs or passwords lock an account for a while "
                + "(see Settings, Security). From the command line on this PC, clockface admin passwd --name NAME sets a "
                + "forgotten PIN again.", "muted"));
        HBox.setHgrow(list, Priority.ALWAYS);

        current.setId("account-current");
        fresh.setId("account-new");
        again.setId("account-again");
        fresh.setPromptText("6+ digits, or 8+ characters");
        changeMessage.setId("account-change-message");
        changeMessage.setWrapText(true);
        Ui.status(changeMessage, "", true);
        GridPane change = form(new String[] {"Current", "New", "Repeat"}, current, fresh, again);
        VBox changeCard = Ui.card(Ui.section("My PIN or password (" + root.admin().name() + ")"), change,
                Ui.row(10, Ui.button("Change", "account-change", this::change, "primary")), changeMessage);

        VBox right = new VBox(16, changeCard);
        right.setPrefWidth(460);
        right.setMinWidth(420);
        view = new VBox(16, Ui.title("Admin accounts"), Ui.subtitle("Who may open the admin screens. Every change is "
                + "recorded in the audit log."), new HBox(20, list, right));
        view.setPadding(new Insets(28, 32, 28, 32));
    }

    private static GridPane form(String[] labels, javafx.scene.control.Control... fields) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(10);
        g.getColumnConstraints().addAll(new ColumnConstraints(140), new ColumnConstraints(200, 260, Double.MAX_VALUE));
        for (int i = 0; i < labels.length; i++) g.addRow(i, Ui.label(labels[i], "field-label"), fields[i]);
        return g;
    }

    @Override
    public Node view() { return view; }

    @Override
    public void refresh() {
        table.setItems(FXCollections.observableArrayList(root.services().accounts().list()));
    }

    private void change() {
        if (!fresh.getText().equals(again.getText())) {
            Ui.status(changeMessage, "The two new entries differ. Type them again.", false);
            return;
        }
        try {
            root.services().accounts().changeOwnSecret(root.admin(), current.getText(), fresh.getText());
            Ui.status(changeMessage, "Changed. Use the new PIN or password from now on.", true);
        } catch (RuntimeException e) {
            Ui.status(changeMessage, Ui.message(e), false);
        } finally {
            current.clear();
            fresh.clear();
            again.clear();
            refresh();
        }
    }
}
