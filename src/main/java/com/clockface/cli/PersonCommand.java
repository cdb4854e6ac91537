package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.BulkImport;
import com.clockface.checkin.FaceEngine;
import com.clockface.vision.ModelResolver;
import java.nio.file.Path;
import com.clockface.admin.Persons;
import com.clockface.store.ErasureResult;
import com.clockface.store.Person;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clockface person deactivate|activate|erase --id EMP001} and {@code person import --csv FILE | --folder DIR}:
 * the admin screen's People and Import actions, audited. ({@code clockface persons} lists and shows.)
 */
@Command(name = "person", mixinStandardHelpOptions = true,
        description = "Deactivate, activate or erase one person, or import many with photos (audited). See also: clockface persons.",
        subcommands = {PersonCommand.Deactivate.class, PersonCommand.Activate.class, PersonCommand.Erase.class,
                PersonCommand.Import.class})
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import people with trusted photos from a CSV (columns employee_no, name, photo, and optionally "
                    + "collection, pin, consent; photo paths relative to the CSV) or from a folder of photos named "
                    + "'EMP001 - Full Name.jpg'. Every row is checked like one enrolment and reported: IMPORTED, DUPLICATE "
                    + "(not imported), REFUSED (with the reason) or SKIPPED (already enrolled). Exit code 0 when no row was "
                    + "refused or a duplicate, 1 otherwise (the good rows are imported either way).")
    static final class Import extends ServiceCommand {
        static final class Source {
            @Option(names = "--csv", paramLabel = "FILE", required = true, description = "A CSV file with a header row.") Path csv;
            @Option(names = "--folder", paramLabel = "DIR", required = true, description = "A folder of photos.") Path folder;
        }

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1") Source source;
        @Option(names = "--consent-collected", description = "Every person in the file has read and accepted the consent text "
                + "(clockface settings get consent.text); required.") boolean consent;
        @Option(names = "--allow-duplicates", description = "Also import faces that already belong to someone else (with a warning).")
        boolean allowDuplicates;
        @Option(names = "--report", paramLabel = "FILE.csv", description = "Also write the per-row report as CSV.") Path report;

        @Override
        int run(AdminServices s) throws java.io.IOException {
            if (!consent) {
                return fail("Add --consent-collected once every person in the file has read and accepted the consent text "
                        + "(clockface settings get consent.text).");
            }
            List<BulkImport.Row> rows;
            try {
                rows = source.csv != null ? BulkImport.readCsv(source.csv) : BulkImport.readFolder(source.folder);
            } catch (java.io.IOException e) {
                return fail(e.getMessage());
            }
            String name = (source.csv != null ? source.csv : source.folder).getFileName().toString();
            BulkImport.Report r;
            try (FaceEngine engine = FaceEngine.load(ModelResolver.fromEnvironment(), s.database(), null)) {
                r = new BulkImport(s.database(), engine, s.hashIterations()).run(name, rows, true, allowDuplicates, actor(),
                        json ? null : (done, total, row) -> println(String.format("%4d/%d  line %-4d %-12s %-9s %s", done, total,
                                row.line(), row.employeeNo() == null ? "-" : row.employeeNo(), row.status(), row.message())));
            } catch (com.clockface.vision.ModelException e) {
                return fail(e.getMessage());
            }
            if (report != null) BulkImport.writeReportCsv(r, report, s.settings().csvStyle());
            if (json) printJson(r);
            else println(r.imported() + " imported, " + r.duplicates() + " duplicates not imported, " + r.refused() + " refused, "
                    + r.skipped() + " skipped (of " + r.total() + " rows)." + (report != null ? " Report: " + report : ""));
            return r.refused() + r.duplicates() == 0 ? 0 : 1;
        }
    }
}
