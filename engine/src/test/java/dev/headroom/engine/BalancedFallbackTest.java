package dev.headroom.engine;

import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.policy.OutputBudget;
import dev.headroom.engine.support.ByteFaithful;
import dev.headroom.engine.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An output no specialised compressor shrinks still gets a balanced selection, and only in balanced mode. */
class BalancedFallbackTest {

    /** Prose-like lines of varied wording: no compressor finds structure in them. */
    static String notes() {
        String[] words = {"reviewed", "the", "rollout", "plan", "with", "platform", "team", "and", "agreed", "on",
            "canary", "windows", "for", "each", "region", "after", "lunch", "before", "freeze"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 160; i++) {
            if (i == 97) {
                sb.append("Note 97: the payment webhook secret rotates on Friday at 14:00 UTC, owner is Priya.\n");
                continue;
            }
            if (i == 121) {
                sb.append("ERROR: backup job nightly-db-7 did not finish, disk quota exceeded on vol-0a91.\n");
                continue;
            }
            sb.append("Note ").append(i).append(':');
            for (int w = 0; w < 9; w++) {
                sb.append(' ').append(words[(i * 7 + w * 3) % words.length]);
            }
            sb.append(".\n");
        }
        return sb.toString();
    }

    private final InMemoryRetrievalStore store = new InMemoryRetrievalStore();

    private CompressionResult compress(EngineSettings settings, byte[] body) {
        return HeadroomEngine.create(settings, store, new InMemoryDecisionMemo()).compress(body, RequestOptions.defaults());
    }

    @Test
    void keepsHeadTailQuestionMatchesAndErrorsBehindAMarker() {
        String text = notes();
        byte[] body = Requests.bytes(Requests.anthropic("when does the webhook secret rotate?", text));
        CompressionResult r = compress(EngineSettings.defaults(), body);
        UnitReport u = r.units().get(0);
        assertTrue(u.lossy(), u.transform());
        assertTrue(u.transform().startsWith("fallback+"), u.transform());
        String out = u.result();
        assertTrue(out.contains("Note 0:"), "head");
        assertTrue(out.contains("Note 159:"), "tail");
        assertTrue(out.contains("the payment webhook secret rotates on Friday"), "question match");
        assertTrue(out.contains("ERROR: backup job nightly-db-7"), "error line");
        assertTrue(out.contains("hash=" + r.ccrHashes().iterator().next()), out);
        assertTrue(out.length() < text.length() / 2, out.length() + " of " + text.length());
        assertEquals(text, store.get(r.ccrHashes().iterator().next()).orElseThrow());
        ByteFaithful.check(body, r);
    }

    @Test
    void aHugeSingleLineKeepsItsHeadAndTailAroundACharacterMarker() {
        StringBuilder line = new StringBuilder("<html><body>");
        for (int i = 0; i < 3000; i++) {
            line.append("<span class=\"c").append(i % 7).append("\">item ").append(i).append("</span>");
        }
        String text = line.append("</body></html>").toString();
        CompressionResult r = compress(EngineSettings.defaults(), Requests.bytes(Requests.anthropic("q", text)));
        UnitReport u = r.units().get(0);
        assertTrue(u.lossy(), u.transform());
        assertTrue(u.result().startsWith("<html><body><span class=\"c0\">item 0</span>"), u.result());
        assertTrue(u.result().endsWith("item 2999</span></body></html>"), u.result());
        assertTrue(u.result().contains("characters of this line omitted"), u.result());
        assertTrue(u.result().length() < 12_000, String.valueOf(u.result().length()));
        assertEquals(text, store.get(r.ccrHashes().iterator().next()).orElseThrow());
    }

    @Test
    void losslessModeLeavesItAlone() {
        byte[] body = Requests.bytes(Requests.anthropic("when does the webhook secret rotate?", notes()));
        CompressionResult r = compress(EngineSettings.defaults().withMode(CompressionMode.LOSSLESS), body);
        assertFalse(r.modified());
        assertTrue(r.units().get(0).transform().startsWith("keep:"), r.units().get(0).transform());
    }

    @Test
    void anOutputTheEngineProducedIsNotCompressedAgain() {
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo());
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"id\":").append(1000 + i).append(",\"name\":\"customer number ").append(i)
                    .append("\",\"ok\":").append(i % 3 == 0).append('}');
        }
        String json = rows.append(']').toString();
        CompressionResult first = engine.compress(Requests.bytes(Requests.chat("q", json)), RequestOptions.defaults());
        String produced = first.units().get(0).result();
        assertTrue(first.units().get(0).compressed());
        CompressionResult again = engine.compress(Requests.bytes(Requests.chat("q", produced)), RequestOptions.defaults());
        assertEquals("keep:already-compressed", again.units().get(0).transform());
        assertFalse(again.modified());
    }

    @Test
    void budgetIsAShareOfTheUnitWithinBounds() {
        assertEquals(OutputBudget.FLOOR, OutputBudget.forUnit(6000, 1200));
        assertEquals(3000, OutputBudget.forUnit(6000, 10_000));
        assertEquals(6000, OutputBudget.forUnit(6000, 500_000));
        assertEquals(800, OutputBudget.forUnit(800, 10_000));
        for (int chars : List.of(0, 1, 999_999)) {
            assertTrue(OutputBudget.forUnit(6000, chars) <= 6000);
        }
    }
}
