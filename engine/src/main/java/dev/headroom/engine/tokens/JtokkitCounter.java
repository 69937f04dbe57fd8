package dev.headroom.engine.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/** Exact OpenAI token counts with jtokkit (o200k_base for current models, cl100k_base for older ones). */
public final class JtokkitCounter implements TokenCounter {

    private static volatile EncodingRegistry registry;

    private final Encoding encoding;
    private final String label;

    private JtokkitCounter(EncodingType type) {
        this.encoding = registry().getEncoding(type);
        this.label = type.getName();
    }

    public static JtokkitCounter o200k() {
        return new JtokkitCounter(EncodingType.O200K_BASE);
    }

    public static JtokkitCounter cl100k() {
        return new JtokkitCounter(EncodingType.CL100K_BASE);
    }

    private static EncodingRegistry registry() {
        EncodingRegistry r = registry;
        if (r == null) {
            synchronized (JtokkitCounter.class) {
                r = registry;
                if (r == null) {
                    r = Encodings.newLazyEncodingRegistry();
                    registry = r;
                }
            }
        }
        return r;
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean estimate() {
        return false;
    }
}
