package com.clockface.ui.admin;

import com.clockface.admin.Persons;
import com.clockface.store.ErasureResult;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PersonStatus;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** People: list, search, collection filter, edit, deactivate / activate, erase (with confirmation; audited). */
final class PeopleScreen implements AdminView.Screen {

    private static final String ALL = "All collections";

    private final AdminView root;
    private final VBox view;
    private final TextField search = new TextField();
    private final ComboBox<String> collection = new ComboBox<>();
    private final TableView<Person> table = new TableView<>();
    private final TextField employeeNo = new TextField();
    private final TextField name = new TextField();
    private final TextField coll = new TextField();
    private final Label statusValue = new Label();
    private final Label templates = new Label();
    private final Label consent = new Label();
    private final Label message = new Label();
    private final Button save;
    private final Button toggle;
    private final Button erase;
    private final VBox detail;

    PeopleScreen(AdminView root) {
        this.root = root;
        search.setPromptText("Search name or employee number");
        search.setId("people-search");
        search.setPrefWidth(320);
        search.textProperty().addListener((o, a, b) -> reload());
        collection.setId("people-collection");
        collection.setOnAction(e -> reload());

        TableColumn<Person, String> cNo = col("Employee no.", p -> p.employeeNo(), 140);
        TableColumn<Person, String> cName = col("Name", Persons::displayName, 240);
        TableColumn<Person, String> cColl = col("Collection", Person::collection, 160);
        TableColumn<Person, String> cStatus = col("Status", p -> p.status().name().charAt(0) + p.status().name().substring(1).toLowerCase(), 110);
        table.getColumns().setAll(List.of(cNo, cName, cColl, cStatus));
        table.setId("people-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Ui.label("No people yet. Enrol someone on the Enrol screen.", "muted"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> showDetail(p));
        VBox.setVgrow(table, Priority.ALWAYS);

        employeeNo.setId("person-employee-no");
        name.setId("person-name");
        coll.setId("person-collection");
        save = Ui.button("Save", "person-save", this::saveEdit, "primary");
        consent.setWrapText(true);
        toggle = Ui.button("Deactivate", "person-toggle", this::toggleActive);
        erase = Ui.button("Erase…", "person-erase", this::erase, "danger");
        message.setId("people-message");
        Ui.status(message, "", true);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(220, 260, Double.MAX_VALUE));
        form.addRow(0, Ui.label("Employee no.", "field-label"), employeeNo);
        form.addRow(1, Ui.label("Name", "field-label"), name);
        form.addRow(2, Ui.label("Collection", "field-label"), coll);
        form.addRow(3, Ui.label("Status", "field-label"), statusValue);
        form.addRow(4, Ui.label("Face templates", "field-label"), templates);
        form.addRow(5, Ui.label("Consent", "field-label"), consent);
        detail = Ui.card(Ui.section("Person"), form, Ui.row(10, save, toggle, Ui.spacer(), erase), message);
        detail.setPrefWidth(460);
        detail.setMinWidth(440);

        HBox filters = Ui.row(12, search, collection);
        VBox left = new VBox(14, filters, table);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(20, left, detail);
        VBox.setVgrow(body, Priority.ALWAYS);
        view = new VBox(16, Ui.title("People"), Ui.subtitle("Everyone who can clock in here. Select a person to edit, "
                + "deactivate or erase them."), body);
        view.setPadding(new Insets(28, 32, 28, 32));
        showDetail(null);
    }

    private static TableColumn<Person, String> col(String title, java.util.function.Function<Person, String> f, double w) {
        TableColumn<Person, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    @Override
    public Node view() { return view; }

    @Override
    public void refresh() {
        List<String> colls = root.services().persons().collections();
        String current = collection.getValue();
        collection.setItems(FXCollections.observableArrayList(prepend(colls)));
        collection.setValue(current != null && (current.equals(ALL) || colls.contains(current)) ? current : ALL);
        reload();
    }

    private static List<String> prepend(List<String> l) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(ALL);
        out.addAll(l);
        return out;
    }

    private void reload() {
        String c = collection.getValue() == null || collection.getValue().equals(ALL) ? null : collection.getValue();
        Person selected = table.getSelectionModel().getSelectedItem();
        List<Person> people = root.services().persons().list(search.getText(), c);
        table.setItems(FXCollections.observableArrayList(people));
        if (selected != null) {
            people.stream().filter(p -> p.id() == selected.id()).findFirst().ifPresent(p -> table.getSelectionModel().select(p));
        }
    }

    private void showDetail(Person p) {
        boolean has = p != null;
        detail.setDisable(!has);
        employeeNo.setText(has ? p.employeeNo() : "");
        name.setText(has ? p.name() : "");
        coll.setText(has ? p.collection() : "");
        statusValue.setText(has ? (p.active() ? "Active" : "Inactive — not recognised at the kiosk") : "");
        templates.setText(has ? Integer.toString(root.services().templates().listForPerson(p.id()).size()) : "");
        consent.setText(has ? (p.consentAt() == null ? "not recorded"
                : "given " + p.consentAt().atZone(root.services().settings().zone()).toLocalDate() + ", recorded by " + p.consentBy()) : "");
        toggle.setText(has && !p.active() ? "Activate" : "Deactivate");
        Ui.status(message, "", true);
    }

    private Person selected() { return table.getSelectionModel().getSelectedItem(); }

    private void saveEdit() {
        Person p = selected();
        if (p == null) return;
        try {
            Person updated = root.services().persons().update(p.withEmployeeNo(employeeNo.getText()).withName(name.getText())
                    .withCollection(coll.getText()), root.actor());
            reload();
            table.getSelectionModel().select(updated);
            Ui.status(message, "Saved.", true);
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
    }

    private void toggleActive() {
        Person p = selected();
        if (p == null) return;
        PersonRepository repo = root.services().persons();
        try {
            Person updated = p.status() == PersonStatus.ACTIVE ? repo.deactivate(p.id(), root.actor()) : repo.activate(p.id(), root.actor());
            // the running gallery follows at once: an inactive person is not matched, an activated one is again
            root.engineIfLoaded().ifPresent(e -> {
                if (updated.active()) e.rememberPerson(p.id()); else e.forgetPerson(p.id());
            });
            reload();
            table.getSelectionModel().select(updated);
            Ui.status(message, updated.active() ? "Activated." : "Deactivated: no longer recognised at the kiosk.", true);
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
    }

    private void erase() {
        Person p = selected();
        if (p == null) return;
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Erase person");
        d.setHeaderText("Erase " + Persons.displayName(p) + " (" + p.employeeNo() + ")?");
        d.setContentText("This deletes their face templates, evidence photos and recordings, and removes their name.\n"
                + "Their punches stay for payroll. This cannot be undone.\n\nType the employee number to confirm:");
        d.getEditor().setId("erase-confirm");
        AdminView.style(d.getDialogPane());
        if (view.getScene() != null) d.initOwner(view.getScene().getWindow());
        String typed = d.showAndWait().orElse(null);
        if (typed == null) return;
        if (!typed.strip().equals(p.employeeNo())) {
            Ui.status(message, "Not erased: the employee number typed did not match.", false);
            return;
        }
        try {
            ErasureResult r = root.services().persons().erase(p.id(), root.actor());
            root.engineIfLoaded().ifPresent(e -> e.forgetPerson(p.id()));
            root.services().purge().deleteCapsules(r.capsulePaths());
            reload();
            Ui.status(message, "Erased: " + r.templatesDeleted() + " templates and " + r.evidenceDeleted()
                    + " evidence photos deleted.", true);
        } catch (RuntimeException e) {
            Ui.status(message, Ui.message(e), false);
        }
    }
}
