package com.clockface.cli;

import com.clockface.checkin.FaceEngine;
import com.clockface.gallery.Candidate;
import com.clockface.gallery.SearchMode;
import com.clockface.liveness.LivenessProfile;
import com.clockface.store.Database;
import com.clockface.store.Person;
import com.clockface.store.PersonRepository;
import com.clockface.vision.ImageDecoder;
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

@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Compare with liveness: passive liveness on the probe, then a 1:N search of the gallery; prints "
                + "both scores and the decision. Exit code 0 on MATCH, 1 otherwise.")
public final class IdentifyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Parameters(index = "0", paramLabel = "IMAGE") Path image;
    @Option(names = "--mode", description = "FAST (best template per person) or ACCURATE (all templates + mirrored probe). Default: ${DEFAULT-VALUE}.",
            defaultValue = "FAST") SearchMode mode;
    @Option(names = "--profile", description = "Liveness threshold profile: work-hours or high-security. Default: ${DEFAULT-VALUE}.",
            defaultValue = "work-hours") String profile;
    @Option(names = "--min-score", description = "Minimum match score (cosine). Default: " + FaceEngine.DEFAULT_MATCH_THRESHOLD)
    Double minScore;

    @Override
    public Integer call() throws Exception {
        LivenessProfile p = LivenessProfile.named(profile);
        double threshold = minScore == null ? FaceEngine.DEFAULT_MATCH_THRESHOLD : minScore;
        Database db = common.openDatabase();
        PersonRepository persons = new PersonRepository(db);
        try (FaceEngine engine = common.loadEngine(db)) {
            FaceEngine.Identification id = engine.identify(ImageDecoder.read(image), mode, p, threshold);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("decision", id.decision());
            out.put("reason", id.reason());
            out.put("faces", id.faces());
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("score", id.liveness().score());
            live.put("outcome", id.liveness().outcome());
            live.put("profile", p.name());
            live.put("signals", id.liveness().signals());
            out.put("liveness", live);
            out.put("match", id.match() == null ? null : candidate(persons, id.match()));
            List<Object> cands = new ArrayList<>();
            for (Candidate c : id.candidates()) cands.add(candidate(persons, c));
            out.put("candidates", cands);
            out.put("mode", mode);
            out.put("min_score", threshold);
            String who = id.match() == null ? "nobody" : persons.findById(id.match().personId()).map(Person::employeeNo).orElse("?");
            common.print(out, String.format("%s: %s%nliveness %d/100 (%s)%nmatch: %s%s", id.decision(), id.reason(),
                    id.liveness().percent(), id.liveness().outcome(), who,
                    id.match() == null ? "" : String.format(" (score %.3f)", id.match().score())));
            return id.decision() == FaceEngine.Decision.MATCH ? 0 : 1;
        }
    }

    static Map<String, Object> candidate(PersonRepository persons, Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        Person p = persons.findById(c.personId()).orElse(null);
        m.put("person", p == null ? null : p.employeeNo());
        m.put("name", p == null ? null : p.name());
        m.put("score", c.score());
        return m;
    }
}
