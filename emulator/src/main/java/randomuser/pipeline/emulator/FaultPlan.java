package randomuser.pipeline.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Faults queued for the next API requests, for clients whose query parameters a test cannot change.
 * Steps run in the order they were added: {@code add(503, 2)} then {@code add(429, 1)} fails the next
 * two requests with 503, the third with 429, and serves the fourth normally. Thread-safe.
 */
public final class FaultPlan {

    /** A step: {@code fault} for the next {@code remaining} requests; a negative count means until cleared. */
    public record Step(Fault fault, int remaining) {
        public boolean untilCleared() {
            return remaining < 0;
        }
    }

    private final Deque<Step> steps = new ArrayDeque<>();

    /** Serves {@code fault} to the next {@code count} API requests, after the steps already queued. */
    public synchronized void add(Fault fault, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("count must be positive, or negative for 'until cleared'");
        }
        steps.addLast(new Step(fault, count));
    }

    /** Serves {@code fault} to every API request from the queued position on, until {@link #clear()}. */
    public synchronized void addUntilCleared(Fault fault) {
        steps.addLast(new Step(fault, -1));
    }

    /** Drops every queued step; returns how many there were. */
    public synchronized int clear() {
        int count = steps.size();
        steps.clear();
        return count;
    }

    /** The queued steps, first to run first. */
    public synchronized List<Step> steps() {
        return new ArrayList<>(steps);
    }

    /** Takes the fault for the current request, if a step is queued. */
    synchronized Optional<Fault> next() {
        Step head = steps.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() > 0) {
            steps.removeFirst();
            if (head.remaining() > 1) {
                steps.addFirst(new Step(head.fault(), head.remaining() - 1));
            }
        }
        return Optional.of(head.fault());
    }
}
