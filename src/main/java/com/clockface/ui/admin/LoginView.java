package com.clockface.ui.admin;

import com.clockface.admin.AdminAccounts;
import com.clockface.admin.AdminServices;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin sign-in of the desk app; on the very first run (no admin yet) it asks for the first admin
 * instead. The kiosk has its own PIN pad and calls {@link AdminAccounts#login} / {@link AdminAccounts#createFirst}.
 */
final class LoginView extends StackPane {

    private final AdminServices services;
    private final Consumer<AdminAccounts.Admin> onSignedIn;
    private final TextField name = new TextField();
    private final PasswordField secret = new PasswordField();
    private final PasswordField again = new PasswordField();
    private final Label message = new Label();

    LoginView(AdminServices services, Consumer<AdminAccounts.Admin> onSignedIn) {
        this.services = services;
        this.onSignedIn = onSignedIn;
        getStylesheets().add(AdminView.CSS);
        getStyleClass().addAll("admin-root", "login-root");
        boolean first = !services.accounts().exists();
        name.setId("login-name");
        secret.setId("login-secret");
        again.setId("login-again");
        message.setId("login-message");
        Ui.status(message, "", false);
        name.setPromptText(first ? "Your name" : "Admin name (optional if there is only one)");
        secret.setPromptText("PIN (6+ digits) or password (8+ characters)");
        again.setPromptText("The same again");
        Button go = Ui.button(first ? "Create admin and sign in" : "Sign in", "login-go", () -> submit(first), "primary", "large");
        go.setDefaultButton(true);
        go.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(14, Ui.label("ClockFace", "brand-dark"),
                Ui.label(first ? "Set up the first admin" : "Admin sign-in", "screen-title"),
                Ui.label(first ? "No admin exists yet on this installation. The admin enrols people, corrects timesheets "
                        + "and reviews doubtful check-ins." : "Sign in to manage people, timesheets and the review queue.", "muted"),
                name, secret);
        if (first) box.getChildren().add(again);
        box.getChildren().addAll(go, message);
        box.getStyleClass().add("login-card");
        box.setMaxWidth(460);
        box.setMaxHeight(VBox.USE_PREF_SIZE);
        box.setPadding(new Insets(36));
        box.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(box);
    }

    private void submit(boolean first) {
        try {
            AdminAccounts.Admin a;
            if (first) {
                if (!secret.getText().equals(again.getText())) throw new IllegalArgumentException("The two entries differ.");
                a = services.accounts().createFirst(name.getText(), secret.getText(), "desk:" + System.getProperty("user.name", "?"));
            } else {
                a = services.accounts().login(name.getText(), secret.getText());
            }
            secret.clear();
            again.clear();
            onSignedIn.accept(a);
        } catch (RuntimeException e) {
            secret.clear();
            again.clear();
            Ui.status(message, Ui.message(e), false);
        }
    }
}
