package dev.headroom.agent.bench;

/** The smallest app, for start-up time with and without the agent. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
