package com.clockface.admin;

import com.clockface.store.Database;
import com.clockface.store.PeriodLockRepository;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.store.PunchRepository;
import com.clockface.timeclock.Period;
import com.clockface.timeclock.PeriodLock;
import com.clockface.timeclock.Punch;
import com.clockface.timeclock.TimeclockSettings;
import com.clockface.timeclock.Timesheet;
import com.clockface.timeclock.TimesheetCsv;
import com.clockface.timeclock.TimesheetPerson;
import com.clockface.timeclock.TimesheetReport;
import com.clockface.timeclock.Workdays;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Timesheets from the stored punches with the site's rules (workday boundary, rounding, overtime), period
 * locks (approval), and the CSV export.
 */
public final class Timesheets {

    private final Database db;
    private final KioskSettings settings;
    private final PersonRepository persons;
    private final PunchRepository punches;
    private final PeriodLockRepository locks;

    public Timesheets(Database db) {
        this.db = db;
        this.settings = new KioskSettings(db);
        this.persons = new PersonRepository(db);
        this.punches = new PunchRepository(db);
        this.locks = new PeriodLockRepository(db);
    }

    /**
     * Everyone's timesheets (or one person's, by employee number) over the period. Everybody who is not
     * erased is listed, and erased persons too when they have punches in the period.
     */
    public TimesheetReport report(Period period, String employeeNo) {
        TimeclockSettings s = settings.timeclock();
        List<Timesheet> sheets = new ArrayList<>();
        if (employeeNo != null && !employeeNo.isBlank()) {
            Person p = Persons.require(persons, employeeNo);
            sheets.add(build(p, punches.listByPerson(p.id(), period.fetchFrom(s), period.fetchTo(s)), period, s));
        } else {
            Map<Long, List<Punch>> byPerson = new LinkedHashMap<>();
            for (Punch pu : punches.listRange(period.fetchFrom(s), period.fetchTo(s))) {
                byPerson.computeIfAbsent(pu.personId(), k -> new ArrayList<>()).add(pu);
            }
            for (Person p : persons.list(null, null, true)) {
                List<Punch> mine = byPerson.getOrDefault(p.id(), List.of());
                if (!p.active() && mine.isEmpty()) continue;
                sheets.add(build(p, mine, period, s));
            }
        }
        return TimesheetReport.of(period, sheets);
    }

    /** One person's timesheet. */
    public Timesheet forPerson(long personId, Period period) {
        TimeclockSettings s = settings.timeclock();
        Person p = persons.findById(personId).orElseThrow(() -> new IllegalArgumentException("There is no person with id " + personId + "."));
        return build(p, punches.listByPerson(p.id(), period.fetchFrom(s), period.fetchTo(s)), period, s);
    }

    /** The person's punches whose workday lies in the period, every status, in time order (for corrections). */
    public List<Punch> punches(long personId, Period period) {
        TimeclockSettings s = settings.timeclock();
        return punches.listByPerson(personId, period.fetchFrom(s), period.fetchTo(s)).stream()
                .filter(p -> period.contains(Workdays.workdayOf(p, s)))
                .toList();
    }

    /**
     * Writes the shifts CSV and its summary next to it, in the site's CSV style ({@link KioskSettings#csvStyle()}),
     * and audits the export (payroll data leaves the kiosk): period, people, file name.
     */
    public TimesheetCsv.Export exportCsv(TimesheetReport report, Path shiftsFile, String actor) throws IOException {
        Corrections.requireActor(actor);
        TimesheetCsv.Export e = TimesheetCsv.export(report.people(), shiftsFile, settings.csvStyle());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", report.period().from().toString());
        detail.put("to", report.period().to().toString());
        detail.put("people", report.people().size());
        detail.put("file", shiftsFile.getFileName().toString());
        detail.put("style", settings.csvStyle().name());
        new com.clockface.store.AuditLog(db).append(actor, "timesheet.export", "timesheet", detail);
        return e;
    }

    /**
     * Approves (locks) a period for one person (employee number) or everybody (null). A period already
     * covered by a lock of the same scope is refused.
     */
    public PeriodLock lock(LocalDate from, LocalDate to, String employeeNo, String actor) {
        Corrections.requireActor(actor);
        Long id = personId(employeeNo);
        for (PeriodLock l : locks.list(from, to)) {
            if (Objects.equals(l.personId(), id) && !l.from().isAfter(from) && !l.to().isBefore(to)) {
                throw new IllegalArgumentException("The period " + from + " to " + to + " is already approved (" + l.from()
                        + " to " + l.to() + ", by " + l.lockedBy() + ").");
            }
        }
        return locks.lock(id, from, to, actor);
    }

    /**
     * Reopens the lock of that scope with exactly these days; when there is none, the error names the
     * locks that overlap so the admin can give their days.
     */
    public PeriodLock unlock(LocalDate from, LocalDate to, String employeeNo, String actor, String reason) {
        Corrections.requireActor(actor);
        Long id = personId(employeeNo);
        PeriodLock wanted = new PeriodLock(id, from, to, actor, null);
        if (!locks.unlock(wanted, actor, reason)) {
            List<PeriodLock> near = locks.list(from, to);
            throw new IllegalArgumentException("No " + (id == null ? "lock for everybody" : "lock for " + employeeNo.strip())
                    + " runs exactly from " + from + " to " + to + "." + (near.isEmpty() ? ""
                    : " Locks overlapping it: " + near.stream().map(l -> l.from() + " to " + l.to()
                    + (l.personId() == null ? " (everybody)" : " (person id " + l.personId() + ")")).collect(Collectors.joining("; ")) + "."));
        }
        return wanted;
    }

    /** Locks overlapping {@code from..to} (null: all). */
    public List<PeriodLock> locks(LocalDate from, LocalDate to) { return locks.list(from, to); }

    /** The lock covering that person's workday, or null. */
    public PeriodLock lockOf(long personId, LocalDate workday) {
        return PeriodLock.find(locks.list(workday, workday), personId, workday);
    }

    private Long personId(String employeeNo) {
        return employeeNo == null || employeeNo.isBlank() ? null : Persons.require(persons, employeeNo).id();
    }

    public TimeclockSettings rules() { return settings.timeclock(); }

    private static Timesheet build(Person p, List<Punch> punches, Period period, TimeclockSettings s) {
        return Timesheet.build(new TimesheetPerson(p.id(), p.employeeNo(), Persons.displayName(p)), punches, period, s);
    }
}
