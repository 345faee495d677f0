package randomuser.pipeline.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what an emulator has served, for tests and {@code GET /admin/stats}. Thread-safe. */
public final class EmulatorStats {

    private final AtomicLong apiRequests = new AtomicLong();
    private final AtomicLong usersRequested = new AtomicLong();
    private final AtomicLong usersServed = new AtomicLong();
    private final AtomicLong faultsServed = new AtomicLong();

    /** Requests to {@code /api...}, whatever their outcome. */
    public long apiRequests() {
        return apiRequests.get();
    }

    /** The sum of {@code results} asked for by API requests that got as far as generating. */
    public long usersRequested() {
        return usersRequested.get();
    }

    /** Users written in response bodies. */
    public long usersServed() {
        return usersServed.get();
    }

    /** Requests answered with a fault (query parameter or plan). */
    public long faultsServed() {
        return faultsServed.get();
    }

    void apiRequest() {
        apiRequests.incrementAndGet();
    }

    void usersRequested(int count) {
        usersRequested.addAndGet(count);
    }

    void usersServed(int count) {
        usersServed.addAndGet(count);
    }

    void faultServed() {
        faultsServed.incrementAndGet();
    }

    String toJson() {
        return "{\"api_requests\":" + apiRequests() + ",\"users_requested\":" + usersRequested() + ",\"users_served\":"
                + usersServed() + ",\"faults_served\":" + faultsServed() + "}";
    }
}
