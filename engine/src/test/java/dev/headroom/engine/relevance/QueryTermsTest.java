package dev.headroom.engine.relevance;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryTermsTest {

    @Test
    void pullsStrongAnchorsFromAQuestion() {
        QueryTerms q = QueryTerms.of("Why did order 48213 for 3f2b8c1e-9d4a-4b7e-8c2d-1a2b3c4d5e6f fail on "
                + "api.payments.example.com, see \"card declined\" and ops@example.com in payment_svc / OrderService?");
        List<String> a = q.anchors();
        assertTrue(a.contains("3f2b8c1e-9d4a-4b7e-8c2d-1a2b3c4d5e6f"), a.toString());
        assertTrue(a.contains("48213"), a.toString());
        assertTrue(a.contains("card declined"), a.toString());
        assertTrue(a.contains("ops@example.com"), a.toString());
        assertTrue(a.contains("api.payments.example.com"), a.toString());
        assertTrue(a.contains("payment_svc"), a.toString());
        assertTrue(a.contains("orderservice"), a.toString());
    }

    @Test
    void shortNumbersAndPlainWordsAreNotAnchors() {
        QueryTerms q = QueryTerms.of("Why did the job fail at step 45?");
        assertTrue(q.anchors().isEmpty(), q.anchors().toString());
        assertEquals(List.of("job", "fail", "step", "45"), q.terms());
    }

    @Test
    void anchorsMatchCaseInsensitively() {
        QueryTerms q = QueryTerms.of("what happened to Worker-3?");
        assertTrue(q.matchesAnchor("OOM killed WORKER-3 at 12:00"));
        assertFalse(q.matchesAnchor("worker 4 is fine"));
    }

    @Test
    void blankQuestionsHaveNothing() {
        assertTrue(QueryTerms.of(null).isEmpty());
        assertTrue(QueryTerms.of("  ").isEmpty());
        assertFalse(QueryTerms.of("x").matchesAnchor("x"));
    }
}
