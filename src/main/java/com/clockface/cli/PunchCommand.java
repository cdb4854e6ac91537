package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.Persons;
import com.clockface.store.Person;
import com.clockface.timeclock.Period;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.PunchKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clockface punch add|move|delete|list}: punch corrections, audited; approved periods refuse. */
@Command(name = "punch", mixinStandardHelpOptions = true,
        description = "Correct punches: add a missing one, move or delete one (a reason is required; audited). "
                + "Times are local times of the kiosk's zone (setting timeclock.zone).",
        subcommands = {PunchCommand.Add.class, PunchCommand.Move.class, PunchCommand.Delete.class, PunchCommand.ListCmd.class})
public final class PunchCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static Map<String, Object> describe(Punch p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("personId", p.personId());
        m.put("kind", p.kind().name());
        m.put("at", p.at().atZone(p.zone()).toOffsetDateTime().toString());
        m.put("zone", p.zone().getId());
        m.put("kiosk", p.kiosk());
        m.put("source", p.source().name());
        m.put("status", p.status().name());
        m.put("note", p.note());
        return m;
    }

    static String line(Punch p) {
        return String.format("punch %d  %-3s  %s  %s  %s%s", p.id(), p.kind(), SHOW.format(p.at().atZone(p.zone())),
                p.source(), p.status(), p.note() == null ? "" : "  (" + p.note() + ")");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a missing punch.")
    static final class Add extends ServiceCommand {
        @Option(names = "--id", required = true, paramLabel = "EMPLOYEE_NO", description = "Employee number.") String id;
        @Option(names = "--kind", required = true, description = "IN or OUT.") PunchKind kind;
        @Option(names = "--at", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "Local time in the kiosk's zone.") LocalDateTime at;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit log).") String reason;

        @Override
        int run(AdminServices s) {
            Punch p = s.corrections().add(id, kind, at, reason, actor());
            if (json) printJson(describe(p)); else println("Added " + line(p) + " for " + id + ".");
            return 0;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a punch to another time (the old one is kept as DELETED, a new MANUAL one is added).")
    static final class Move extends ServiceCommand {
        @Option(names = "--punch", required = true, paramLabel = "ID", description = "Punch id (see punch list or the timesheet JSON).") long punch;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "New local time in the kiosk's zone.") LocalDateTime to;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit log).") String reason;

        @Override
        int run(AdminServices s) {
            Punch p = s.corrections().move(punch, to, reason, actor());
            if (json) printJson(describe(p)); else println("Moved punch " + punch + ": now " + line(p) + ".");
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a punch (kept as DELETED for the audit trail).")
    static final class Delete extends ServiceCommand {
        @Option(names = "--punch", required = true, paramLabel = "ID", description = "Punch id.") long punch;
        @Option(names = "--reason", required = true, description = "Why (kept in the audit log).") String reason;

        @Override
        int run(AdminServices s) {
            Punch p = s.corrections().delete(punch, reason, actor());
            if (json) printJson(describe(p)); else println("Deleted " + line(p) + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a person's punches (every status) by workday.")
    static final class ListCmd extends ServiceCommand {
        @Option(names = "--id", required = true, paramLabel = "EMPLOYEE_NO") String id;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First workday.") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last workday.") LocalDate to;

        @Override
        int run(AdminServices s) {
            Person p = Persons.require(s.persons(), id);
            List<Punch> list = s.timesheets().punches(p.id(), Period.of(from, to));
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (Punch x : list) rows.add(describe(x));
                printJson(rows);
            } else {
                println(p.employeeNo() + " " + Persons.displayName(p) + ": " + list.size() + " punches");
                for (Punch x : list) println("  " + line(x));
            }
            return 0;
        }
    }

}
