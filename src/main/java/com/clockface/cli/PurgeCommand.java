package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.RetentionPurge;
import picocli.CommandLine.Command;

/** {@code clockface purge}: applies the evidence and capsule retention now (the kiosk does it daily). */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Delete evidence frames and session capsules older than their retention "
                + "(settings retention.evidence_days, retention.capsule_days). Events waiting for review are kept.")
public final class PurgeCommand extends ServiceCommand {
    @Override
    int run(AdminServices s) {
        RetentionPurge.Result r = s.purge().run(actor());
        if (json) {
            printJson(r);
        } else {
            println("Deleted " + r.evidenceDeleted() + " evidence frames older than " + r.evidenceCutoff() + " and "
                    + r.capsuleFilesDeleted() + " session capsules older than " + r.capsuleCutoff() + ".");
            for (String p : r.problems()) println("  could not delete " + p);
        }
        return r.problems().isEmpty() ? 0 : 1;
    }
}
