package com.clockface.cli;

import com.clockface.store.Database;
import com.clockface.store.ErasureResult;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.Template;
import com.clockface.store.TemplateRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "persons", mixinStandardHelpOptions = true, description = "List, show or delete enrolled persons.",
        subcommands = {PersonsCommand.ListPersons.class, PersonsCommand.Show.class, PersonsCommand.Delete.class})
public final class PersonsCommand {

    static Map<String, Object> row(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("employee_no", p.employeeNo());
        m.put("name", p.name());
        m.put("collection", p.collection());
        m.put("status", p.status());
        m.put("consent_at", p.consentAt());
        m.put("created_at", p.createdAt());
        return m;
    }

    static Person find(PersonRepository persons, String employeeNo) {
        return persons.findByEmployeeNo(employeeNo)
                .orElseThrow(() -> new IllegalArgumentException("No person with employee number " + employeeNo + "."));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List persons.")
    static final class ListPersons implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--search", description = "Part of a name or employee number.") String search;
        @Option(names = "--collection", description = "Only this site or group.") String collection;

        @Override
        public Integer call() {
            List<Person> list = new PersonRepository(common.openDatabase()).list(search, collection);
            List<Object> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Person p : list) {
                rows.add(row(p));
                text.append(String.format("%-10s %-30s %-12s %s%n", p.employeeNo(), p.name(), p.collection(), p.status()));
            }
            common.print(rows, list.isEmpty() ? "Nobody is enrolled." : text.toString().stripTrailing());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one person and their templates.")
    static final class Show implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "EMPLOYEE_NO") String employeeNo;

        @Override
        public Integer call() {
            Database db = common.openDatabase();
            Person p = find(new PersonRepository(db), employeeNo);
            Map<String, Object> m = row(p);
            List<Object> templates = new ArrayList<>();
            for (Template t : new TemplateRepository(db).listForPerson(p.id())) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("id", t.id());
                tm.put("model", t.modelId());
                tm.put("source", t.source());
                tm.put("quality", t.quality());
                tm.put("created_at", t.createdAt());
                templates.add(tm);
            }
            m.put("templates", templates);
            common.print(m, String.format("%s  %s  (%s, %s)%n%d template(s)", p.employeeNo(), p.name(), p.collection(),
                    p.status(), templates.size()));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Erase a person's biometric data completely: templates, evidence frames and capsules. "
                    + "Punches stay, pseudonymised, for payroll.")
    static final class Delete implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "EMPLOYEE_NO") String employeeNo;
        @Option(names = "--actor", defaultValue = "cli", description = "Who is erasing (for the audit log).") String actor;

        @Override
        public Integer call() throws Exception {
            com.clockface.store.AppHome home = common.appHome();
            PersonRepository persons = new PersonRepository(Database.open(home));
            Person p = find(persons, employeeNo);
            ErasureResult r = persons.erase(p.id(), actor);
            int capsules = 0;
            for (String path : r.capsulePaths()) {
                if (Files.deleteIfExists(home.resolveStored(path))) capsules++; // stored relative to the home
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("employee_no", employeeNo);
            m.put("templates_deleted", r.templatesDeleted());
            m.put("evidence_deleted", r.evidenceDeleted());
            m.put("capsules_deleted", capsules);
            common.print(m, String.format("Erased %s: %d template(s), %d evidence frame(s), %d capsule(s).", employeeNo,
                    r.templatesDeleted(), r.evidenceDeleted(), capsules));
            return 0;
        }
    }
}
