package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.ReviewQueue;
import com.clockface.store.CheckEvent;
import com.clockface.timeclock.Punch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clockface review list|approve|reject}: the check-ins waiting for an admin. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The review queue: doubtful check-ins, PIN punches and suspected attacks. Approve makes the "
                + "pending punch count; reject marks it rejected. Both are audited.",
        subcommands = {ReviewCommand.ListCmd.class, ReviewCommand.Approve.class, ReviewCommand.Reject.class})
public final class ReviewCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static Map<String, Object> describe(ReviewQueue.Item item) {
        CheckEvent e = item.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("kiosk", e.kiosk());
        m.put("personId", e.personId());
        m.put("employeeNo", item.person() == null ? null : item.person().employeeNo());
        m.put("person", item.personLabel());
        m.put("decision", e.decision());
        m.put("outcome", e.outcome());
        m.put("livenessScore", e.livenessScore());
        m.put("matchScore", e.matchScore());
        JsonNode signals = null;
        try {
            if (e.signalsJson() != null) signals = ServiceCommand.JSON.readTree(e.signalsJson());
        } catch (Exception ignored) {
            // the column is checked json_valid; nothing to do
        }
        m.put("signals", signals);
        m.put("hasEvidence", e.hasEvidence());
        m.put("capsule", e.capsulePath());
        m.put("reviewState", e.reviewState().name());
        m.put("reviewedBy", e.reviewedBy());
        m.put("note", e.note());
        List<Object> ps = new ArrayList<>();
        for (Punch p : item.punches()) ps.add(PunchCommand.describe(p));
        m.put("punches", ps);
        return m;
    }

    static String line(ReviewQueue.Item item) {
        CheckEvent e = item.event();
        return String.format("event %d  %s  %s  %s  %s liveness=%s match=%s  punches: %s", e.id(), e.at(), item.personLabel(),
                e.decision(), e.outcome(), score(e.livenessScore()), score(e.matchScore()),
                item.punches().isEmpty() ? "none" : item.punches().stream().map(p -> p.kind() + " " + p.status()).toList());
    }

    private static String score(Double d) { return d == null ? "-" : String.format("%.2f", d); }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the check-ins waiting for review, newest first.")
    static final class ListCmd extends ServiceCommand {
        @Option(names = "--limit", defaultValue = "100") int limit;

        @Override
        int run(AdminServices s) {
            List<ReviewQueue.Item> items = s.review().pending(limit);
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (ReviewQueue.Item i : items) rows.add(describe(i));
                printJson(rows);
            } else {
                if (items.isEmpty()) println("Nothing waits for review.");
                for (ReviewQueue.Item i : items) println(line(i));
            }
            return 0;
        }
    }

    abstract static class Decide extends ServiceCommand {
        @Parameters(paramLabel = "EVENT_ID", description = "The check event's id (see review list).") long event;
        @Option(names = "--note", description = "A note for the audit log.") String note;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve: the pending punch counts.")
    static final class Approve extends Decide {
        @Override
        int run(AdminServices s) {
            ReviewQueue.Item i = s.review().approve(event, actor(), note);
            if (json) printJson(describe(i)); else println("Approved " + line(i));
            return 0;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject: the pending punch is marked rejected.")
    static final class Reject extends Decide {
        @Override
        int run(AdminServices s) {
            ReviewQueue.Item i = s.review().reject(event, actor(), note);
            if (json) printJson(describe(i)); else println("Rejected " + line(i));
            return 0;
        }
    }
}
