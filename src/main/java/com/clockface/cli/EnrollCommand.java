package com.clockface.cli;

import com.clockface.checkin.EnrolmentException;
import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.Template;
import com.clockface.store.TemplateSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Enrol a person from trusted photos (PNG, JPEG, JPEG 2000; at most 2 MB; at least 85 px between "
                + "the eyes; frontal, sharp, well lit). Creates the person if the employee number is new.")
public final class EnrollCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--id", required = true, description = "Employee number, e.g. EMP001.") String employeeNo;
    @Option(names = "--name", description = "Full name (required for a new person).") String name;
    @Option(names = "--collection", description = "Site or group. Default: ${DEFAULT-VALUE}.", defaultValue = Person.DEFAULT_COLLECTION)
    String collection;
    @Option(names = "--allow-duplicate", description = "Save even if the face already matches another enrolled person.")
    boolean allowDuplicate;
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Photo files of this person.") List<Path> images;

    @Override
    public Integer call() throws Exception {
        Database db = common.openDatabase();
        PersonRepository persons = new PersonRepository(db);
        try (FaceEngine engine = common.loadEngine(db)) {
            Person existing = persons.findByEmployeeNo(employeeNo).orElse(null);
            long personId = existing == null ? -1 : existing.id();
            if (existing == null && (name == null || name.isBlank())) {
                throw new IllegalArgumentException("--name is required to create the new person " + employeeNo + ".");
            }
            // Check every photo before creating anything: a refused photo leaves no half-enrolled person.
            List<FaceEngine.PreparedTemplate> ready = new ArrayList<>();
            List<Map<String, Object>> report = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean refused = false;
            for (Path image : images) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("image", image.toString());
                try {
                    FaceEngine.PreparedTemplate t = engine.prepareTrustedPhoto(image, personId);
                    row.put("quality", t.quality().score());
                    if (!t.lookalikes().isEmpty() && !allowDuplicate) {
                        Candidate c = t.lookalikes().get(0);
                        String other = persons.findById(c.personId()).map(Person::employeeNo).orElse("#" + c.personId());
                        row.put("status", "refused");
                        row.put("reason", "DUPLICATE");
                        row.put("message", "This face already matches " + other + " (score " + String.format("%.2f", c.score())
                                + "). Use --allow-duplicate if that is intended.");
                        refused = true;
                    } else {
                        row.put("status", "accepted");
                        ready.add(t);
                    }
                } catch (EnrolmentException e) {
                    row.put("status", "refused");
                    row.put("reason", e.problems().get(0).issue().name());
                    row.put("message", e.getMessage());
                    refused = true;
                }
                text.append(image.getFileName()).append(": ").append(row.get("status"))
                        .append(row.containsKey("message") ? " - " + row.get("message") : "").append('\n');
                report.add(row);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("employee_no", employeeNo);
            result.put("images", report);
            if (refused || ready.isEmpty()) {
                result.put("enrolled", false);
                common.print(result, text + "Nothing was saved.");
                return 1;
            }
            Person person = existing != null ? existing
                    : persons.create(Person.newPerson(employeeNo, name, collection), "cli");
            List<Long> templateIds = new ArrayList<>();
            for (FaceEngine.PreparedTemplate t : ready) {
                Template saved = engine.saveTemplate(person.id(), t, TemplateSource.UPLOAD, "cli");
                templateIds.add(saved.id());
            }
            result.put("enrolled", true);
            result.put("person_id", person.id());
            result.put("templates", templateIds);
            common.print(result, text + "Enrolled " + employeeNo + " (" + person.name() + ") with " + templateIds.size() + " template(s).");
            return 0;
        }
    }
}
