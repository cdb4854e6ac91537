package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.Persons;
import com.clockface.store.ErasureResult;
import com.clockface.store.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clockface person deactivate|activate|erase --id EMP001}: the admin screen's People actions, audited.
 * ({@code clockface persons} lists and shows.)
 */
@Command(name = "person", mixinStandardHelpOptions = true,
        description = "Deactivate, activate or erase one person (audited). See also: clockface persons.",
        subcommands = {PersonCommand.Deactivate.class, PersonCommand.Activate.class, PersonCommand.Erase.class})
public final class PersonCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static Map<String, Object> describe(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("employeeNo", p.employeeNo());
        m.put("name", p.name());
        m.put("collection", p.collection());
        m.put("status", p.status().name());
        return m;
    }

    abstract static class One extends ServiceCommand {
        @Option(names = "--id", required = true, paramLabel = "EMPLOYEE_NO", description = "Employee number.") String id;
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Keep the person but stop recognising them.")
    static final class Deactivate extends One {
        @Override
        int run(AdminServices s) {
            Person p = s.persons().deactivate(Persons.require(s.persons(), id).id(), actor());
            if (json) printJson(describe(p)); else println(p.employeeNo() + " is inactive: no longer recognised at the kiosk.");
            return 0;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Recognise the person again.")
    static final class Activate extends One {
        @Override
        int run(AdminServices s) {
            Person p = s.persons().activate(Persons.require(s.persons(), id).id(), actor());
            if (json) printJson(describe(p)); else println(p.employeeNo() + " is active.");
            return 0;
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase the person's face templates, evidence frames and capsules and their name; punches stay.")
    static final class Erase extends One {
        @Option(names = "--yes", required = true, description = "Confirm: erasure cannot be undone.") boolean yes;

        @Override
        int run(AdminServices s) {
            ErasureResult r = s.persons().erase(Persons.require(s.persons(), id).id(), actor());
            List<String> problems = s.purge().deleteCapsules(r.capsulePaths());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("employeeNo", id);
            m.put("templatesDeleted", r.templatesDeleted());
            m.put("evidenceDeleted", r.evidenceDeleted());
            m.put("capsules", r.capsulePaths().size());
            m.put("problems", problems);
            if (json) printJson(m);
            else println("Erased " + id + ": " + r.templatesDeleted() + " templates, " + r.evidenceDeleted() + " evidence frames, "
                    + r.capsulePaths().size() + " capsules.");
            return problems.isEmpty() ? 0 : 1;
        }
    }
}
