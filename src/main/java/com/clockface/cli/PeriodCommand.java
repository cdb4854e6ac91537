package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.timeclock.PeriodLock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clockface period lock|unlock|list}: approve (lock) timesheet periods; locked workdays refuse corrections. */
@Command(name = "period", mixinStandardHelpOptions = true,
        description = "Approve (lock) or reopen timesheet periods. Corrections of punches in a locked period are refused.",
        subcommands = {PeriodCommand.Lock.class, PeriodCommand.Unlock.class, PeriodCommand.ListCmd.class})
public final class PeriodCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static Map<String, Object> describe(PeriodLock l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", l.personId());
        m.put("from", l.from().toString());
        m.put("to", l.to().toString());
        m.put("lockedBy", l.lockedBy());
        m.put("lockedAt", l.lockedAt() == null ? null : l.lockedAt().toString());
        return m;
    }

    static String line(PeriodLock l) {
        return l.from() + " to " + l.to() + (l.personId() == null ? " (everybody)" : " (person id " + l.personId() + ")")
                + ", approved by " + l.lockedBy();
    }

    abstract static class Range extends ServiceCommand {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First workday.") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last workday (inclusive).") LocalDate to;
        @Option(names = "--person", paramLabel = "EMPLOYEE_NO", description = "Only this person (default: everybody).") String person;
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Approve and lock a period.")
    static final class Lock extends Range {
        @Override
        int run(AdminServices s) {
            PeriodLock l = s.timesheets().lock(from, to, person, actor());
            if (json) printJson(describe(l)); else println("Locked " + line(l) + ".");
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Reopen the lock with exactly these days.")
    static final class Unlock extends Range {
        @Option(names = "--reason", description = "Why (kept in the audit log).") String reason;

        @Override
        int run(AdminServices s) {
            PeriodLock l = s.timesheets().unlock(from, to, person, actor(), reason);
            if (json) printJson(describe(l)); else println("Reopened " + l.from() + " to " + l.to() + ".");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the locked periods.")
    static final class ListCmd extends ServiceCommand {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD") LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD") LocalDate to;

        @Override
        int run(AdminServices s) {
            List<PeriodLock> all = s.timesheets().locks(from, to);
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (PeriodLock l : all) rows.add(describe(l));
                printJson(rows);
            } else {
                if (all.isEmpty()) println("No period is locked.");
                for (PeriodLock l : all) println(line(l));
            }
            return 0;
        }
    }
}
