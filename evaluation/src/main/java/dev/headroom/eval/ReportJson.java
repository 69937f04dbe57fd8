package dev.headroom.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report as JSON ({@code evaluation/target/report.json}), so two runs can be diffed: rows come in a stable
 * (sorted) order, and held-out sets carry aggregates only, exactly as printed.
 */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ObjectNode sets = JsonNodeFactory.instance.objectNode();

    ReportJson(String split, String tokenizers, String toonUnavailable) {
        root.put("split", split).put("tokenizers", tokenizers);
        if (toonUnavailable == null) {
            root.put("toon", "available");
        } else {
            root.put("toon", "n/a (" + toonUnavailable + ")");
        }
        root.set("sets", sets);
    }

    void add(SetFigures set) {
        ObjectNode node = sets.putObject(set.name());
        node.put("sessions", set.sessions().size());
        set.families().total().toJson(node.putObject("allToolOutputs"));
        node.set("families", set.families().toJson());
        node.set("types", set.types().toJson());
        node.set("needles", set.needles().toJson());
        node.set("unstable", findings(set, set.unstable()));
        node.set("nondeterministic", findings(set, set.nondeterministic()));
        node.set("keepReasons", set.keepReasons().toJson());
        node.set("json", set.json().toJson());
        if (set.detailed()) {
            ArrayNode problems = node.putArray("needleProblems");
            set.needleProblems().forEach(problems::add);
            ObjectNode perSession = node.putObject("perSession");
            for (SessionFigures s : set.sessions()) {
                if (s.lines() != null) {
                    ObjectNode n = perSession.putObject(s.session().id());
                    s.lines().toolOutputs().toJson(n.putObject("toolOutputs"));
                    s.lines().lastRequest().toJson(n.putObject("lastRequest"));
                    s.lines().allRequests().toJson(n.putObject("allRequests"));
                }
            }
        }
    }

    private static ObjectNode findings(SetFigures set, List<StabilityCheck.Finding> findings) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("count", findings.size()).put("lossless", SetPrinter.count(findings, "lossless"))
                .put("balanced", SetPrinter.count(findings, "balanced"));
        if (set.detailed()) {
            ArrayNode list = node.putArray("outputs");
            for (StabilityCheck.Finding f : findings) {
                list.addObject().put("mode", f.mode()).put("session", f.session()).put("turn", f.turn())
                        .put("family", f.family()).put("type", f.type()).put("variants", f.variants());
            }
        }
        return node;
    }

    void elapsed(double seconds) {
        root.put("elapsedSeconds", Math.round(seconds * 10) / 10.0);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), root);
    }
}
