package dev.headroom.eval;

import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.UnitReport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels each unit of a request with the command family of the scripted command that printed it: the unit's
 * call is found by {@link ToolOutputCommands}, and its command text is looked up among the session's script
 * commands. Nothing is guessed: a unit whose command is unknown, unscripted or has no family in the index is
 * {@value #UNLABELLED}.
 */
final class UnitFamilies {

    static final String UNLABELLED = "(unlabelled)";

    private final Map<String, String> familyByCommand = new HashMap<>();

    UnitFamilies(List<Session.Command> commands) {
        for (Session.Command c : commands) {
            if (!c.family().isBlank()) {
                familyByCommand.putIfAbsent(normalize(c.command()), c.family());
            }
        }
    }

    /** The family of each unit of {@code result}, by unit index. */
    List<String> of(byte[] requestBody, CompressionResult result) {
        List<UnitReport> units = result.units();
        List<String> out = new ArrayList<>(units.size());
        List<ToolOutputCommands.Output> outputs = outputs(requestBody, result);
        for (int i = 0; i < units.size(); i++) {
            // Paired by position, and only trusted when the texts agree (a scanner change would show as unlabelled).
            boolean paired = i < outputs.size() && outputs.get(i).text().equals(units.get(i).original());
            out.add(paired ? familyOf(outputs.get(i).command()) : UNLABELLED);
        }
        return out;
    }

    private List<ToolOutputCommands.Output> outputs(byte[] requestBody, CompressionResult result) {
        if (familyByCommand.isEmpty() || result.units().isEmpty()) {
            return List.of();
        }
        try {
            return ToolOutputCommands.of(requestBody, result.format());
        } catch (IOException e) {
            return List.of();
        }
    }

    String familyOf(String command) {
        return command.isBlank() ? UNLABELLED : familyByCommand.getOrDefault(normalize(command), UNLABELLED);
    }

    /** Clients may re-indent or trim a command; runs of white space are not what tells two commands apart. */
    private static String normalize(String command) {
        return command.strip().replaceAll("\\s+", " ");
    }
}
