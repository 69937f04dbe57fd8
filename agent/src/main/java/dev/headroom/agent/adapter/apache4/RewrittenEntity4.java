package dev.headroom.agent.adapter.apache4;

import org.apache.http.entity.ByteArrayEntity;

/** The compressed body; its type also tells a retry of the same wrapper that the work is done. */
final class RewrittenEntity4 extends ByteArrayEntity {

    RewrittenEntity4(byte[] body) {
        super(body);
    }
}
