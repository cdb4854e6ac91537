package com.clockface.cli;

import com.clockface.vision.ModelException;
import com.clockface.vision.ModelResolver;
import com.clockface.vision.ModelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code clockface models list|fetch}: see and fill the model directory (the installer uses fetch --to). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models of models.json, or fetch and verify them.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fetch.class})
public final class ModelsCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each model, its file and state (no fetching).")
    static final class ListModels implements Callable<Integer> {
        PrintStream out = System.out;

        @Override
        public Integer call() {
            ModelResolver r;
            try {
                r = ModelResolver.fromEnvironment();
            } catch (ModelException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            out.println("model directory: " + r.modelDir() + (r.mirror() == null ? "" : "   mirror: " + r.mirror()));
            for (ModelSpec s : r.models()) {
                ModelResolver.Check c = r.check(s);
                out.printf(Locale.ROOT, "%-26s %-12s %-9s %s%n", s.id(), s.role(), c.status(), c.path());
            }
            return 0;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Resolve models into the model directory (from $CLOCKFACE_MODEL_MIRROR or upstream), "
                    + "verifying each sha256; optionally copy the verified files to another directory.")
    static final class Fetch implements Callable<Integer> {
        @Option(names = "--id", paramLabel = "ID", description = "Only these model ids (default: all).")
        List<String> ids = new ArrayList<>();

        @Option(names = "--to", paramLabel = "DIR", description = "Copy the verified model files into DIR "
                + "(e.g. an installer's input); each copy is verified again.")
        Path to;

        PrintStream err = System.err;

        @Override
        public Integer call() {
            try {
                return fetch();
            } catch (ModelException | IOException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        }

        private int fetch() throws ModelException, IOException {
            ModelResolver r = ModelResolver.builder().progress(new ProgressPrinter(err)).build();
            List<ModelSpec> specs = new ArrayList<>();
            if (ids.isEmpty()) specs.addAll(r.models());
            else for (String id : ids) specs.add(r.spec(id));
            if (to != null) Files.createDirectories(to);
            for (ModelSpec s : specs) {
                Path p = r.resolve(s);
                if (to != null) {
                    Path dst = to.resolve(s.file());
                    Path tmp = to.resolve(s.file() + ".part");
                    Files.copy(p, tmp, StandardCopyOption.REPLACE_EXISTING);
                    String sha = ModelResolver.sha256(tmp);
                    if (!sha.equals(s.sha256())) {
                        Files.delete(tmp);
                        throw new ModelException("The copy of " + s.id() + " in " + to + " has sha256 " + sha
                                + ", expected " + s.sha256() + ": check the disk and try again.");
                    }
                    Files.move(tmp, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    p = dst;
                }
                err.println("verified " + s.id() + "  " + s.sha256() + "  " + p);
            }
            return 0;
        }
    }

    /** Prints a line at every 10 % (or every 4 MiB when the size is unknown). */
    static final class ProgressPrinter implements ModelResolver.Progress {
        private final PrintStream err;
        private long lastStep = -1;

        ProgressPrinter(PrintStream err) { this.err = err; }

        @Override
        public synchronized void update(String id, String source, long done, long total) {
            long step = total > 0 ? done * 10 / total : done / (4L << 20);
            if (done == 0) lastStep = -1;
            if (step == lastStep) return;
            lastStep = step;
            err.printf(Locale.ROOT, "  %s: %s%s from %s%n", id, DoctorCommand.human(done),
                    total > 0 ? " of " + DoctorCommand.human(total) : "", source);
        }
    }
}
