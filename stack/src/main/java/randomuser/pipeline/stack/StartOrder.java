package randomuser.pipeline.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import randomuser.pipeline.stack.component.Component;

/**
 * What the {@link Supervisor} brings up for a request: the components asked for and everything they depend on,
 * each dependency before what needs it. Asking for a job alone also brings up the brokers, the database and Spark
 * it needs, as {@code systemd} does with a unit's requirements.
 */
final class StartOrder {
    private StartOrder() {}

    /**
     * @param requested the components asked for, in the order to start those that do not wait for each other
     * @param byName    the stack's component of that name, for a dependency that was not asked for
     * @return every component once, each after the ones it depends on, otherwise in the order asked
     */
    static List<Component> withDependencies(List<Component> requested, Function<String, Optional<Component>> byName) {
        Map<String, Component> ordered = new LinkedHashMap<>();
        Map<String, Component> asked = new LinkedHashMap<>();
        requested.forEach(component -> asked.putIfAbsent(component.name(), component));
        for (Component component : asked.values()) {
            visit(component, asked, byName, ordered, new LinkedHashSet<>());
        }
        return List.copyOf(ordered.values());
    }

    private static void visit(
            Component component,
            Map<String, Component> asked,
            Function<String, Optional<Component>> byName,
            Map<String, Component> ordered,
            Set<String> path) {
        if (ordered.containsKey(component.name())) {
            return;
        }
        if (!path.add(component.name())) {
            // A programming error in the stack's table, not something a user can cause.
            throw new IllegalStateException("components depend on each other in a circle: "
                    + String.join(" -> ", new ArrayList<>(path)) + " -> " + component.name());
        }
        for (String dependency : component.dependsOn()) {
            Component needed = Optional.ofNullable(asked.get(dependency))
                    .or(() -> byName.apply(dependency))
                    .orElseThrow(() -> new IllegalStateException(
                            component.name() + " depends on " + dependency + ", which the stack does not have"));
            visit(needed, asked, byName, ordered, path);
        }
        path.remove(component.name());
        ordered.put(component.name(), component);
    }
}
