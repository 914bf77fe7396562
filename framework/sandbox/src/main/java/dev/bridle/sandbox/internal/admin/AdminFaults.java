package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.sandbox.fault.FaultPlan;
import dev.bridle.sandbox.internal.SandboxServices;
import java.util.List;

/** Reads, sets and clears the fault plan. */
final class AdminFaults {
    private final SandboxServices services;

    AdminFaults(SandboxServices services) {
        this.services = services;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.of("GET", "/faults", "the fault plan and what it injected so far", r -> show()),
                AdminRoute.of(
                        "PUT",
                        "/faults",
                        "replace the fault plan: {\"seed\":7,\"rules\":[{\"endpoint\":"
                                + "\"POST /2/tweets\",\"script\":[{\"fault\":\"status\",\"status\":503,\"times\":2},"
                                + "{\"fault\":\"dropAfter\"}]},{\"endpoint\":\"* /2/*\",\"fraction\":0.1,\"fault\":"
                                + "{\"fault\":\"latency\",\"millis\":300}}]}",
                        this::set),
                AdminRoute.of("DELETE", "/faults", "clear the fault plan", r -> clear()));
    }

    private JsonNode show() {
        return FaultPlanJson.render(services.faults().plan(), services.faults().injected());
    }

    private JsonNode set(AdminRequest r) {
        services.faults().set(FaultPlanJson.parse(r.body()));
        return show();
    }

    private JsonNode clear() {
        services.faults().set(FaultPlan.none());
        return show();
    }
}
