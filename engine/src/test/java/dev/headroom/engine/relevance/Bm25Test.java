package dev.headroom.engine.relevance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bm25Test {

    @Test
    void tokensKeepUuidsAndDecimalNumbersWhole() {
        assertEquals(List.of("user", "3f2b8c1e-9d4a-4b7e-8c2d-1a2b3c4d5e6f", "took", "12.5", "ms", "v1", "2"),
                Tokens.of("User 3F2B8C1E-9D4A-4B7E-8C2D-1A2B3C4D5E6F took 12.5ms? v1.2"
                        .replace("12.5ms", "12.5 ms")));
        assertEquals(List.of("10.0.3.1", "host_a"), Tokens.of("10.0.3.1, host_a"));
        assertEquals(List.of("café", "über"), Tokens.of("Café ÜBER"));
    }

    @Test
    void documentsWithTheQueryTermRankAboveOthersAndNonMatchesScoreZero() {
        Bm25 index = Bm25.of(List.of(
                "heartbeat ping 1", "heartbeat ping 2", "OOM killed worker 3", "heartbeat ping 4"));
        double[] s = index.scores("why was the worker killed");
        assertEquals(4, s.length);
        assertTrue(s[2] > 0);
        assertEquals(0.0, s[0]);
        assertEquals(0.0, s[3]);
    }

    @Test
    void rareTermsWeighMoreThanCommonOnes() {
        Bm25 index = Bm25.of(List.of("error disk", "error net", "error net", "error net", "ok"));
        double[] s = index.scores("disk net");
        assertTrue(s[0] > s[1], "disk appears once, net three times");
    }

    @Test
    void shorterDocumentsWinForTheSameTermFrequency() {
        Bm25 index = Bm25.of(List.of("timeout", "timeout while waiting for the upstream payment gateway to answer"));
        double[] s = index.scores("timeout");
        assertTrue(s[0] > s[1]);
    }

    @Test
    void matchesTheTextbookFormulaOnATinyCorpus() {
        Bm25 index = Bm25.of(List.of("a b", "a", "c"));
        double[] s = index.scores("b");
        double idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
        double avg = 4.0 / 3; // lengths 2, 1, 1
        double expected = idf * 1 * (Bm25.K1 + 1) / (1 + Bm25.K1 * (1 - Bm25.B + Bm25.B * 2 / avg));
        assertEquals(expected, s[0], 1e-12);
        assertEquals(0.0, s[1]);
    }

    @Test
    void emptyInputsScoreNothing() {
        assertEquals(0, Bm25.of(List.of()).scores("x").length);
        assertEquals(0.0, Bm25.of(List.of("a")).scores("")[0]);
        assertEquals(0.0, Bm25.of(List.of("a")).scores((String) null)[0]);
    }

    @Test
    void termsInMostDocumentsCanBeIgnored() {
        Bm25 index = Bm25.of(List.of("user1 ok", "user2 ok", "user3 timeout", "user4 ok"));
        double[] s = index.scores(List.of("ok", "timeout"), 0.5);
        assertEquals(0.0, s[0], "ok is in 3 of 4 documents");
        assertTrue(s[2] > 0);
    }

    @Test
    void theOneShotScorerAgreesWithTheIndex() {
        List<String> docs = List.of("OOM killed Worker 3", "heartbeat ping 1", "worker 3 restarted after OOM",
                "checkpoint saved at step 4500", "3F2B8C1E-9D4A-4B7E-8C2D-1A2B3C4D5E6F worker", "");
        List<String> terms = List.of("worker", "oom", "4500", "3f2b8c1e-9d4a-4b7e-8c2d-1a2b3c4d5e6f", "absent");
        for (double share : new double[] {1.0, 0.5}) {
            double[] index = Bm25.of(docs).scores(terms, share);
            double[] once = Bm25.scoreOnce(docs, terms, share);
            for (int i = 0; i < docs.size(); i++) {
                assertEquals(index[i], once[i], 1e-12, "doc " + i + " share " + share);
            }
        }
    }
}
