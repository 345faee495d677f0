package randomuser.pipeline.stack.cli;

import java.util.List;
import java.util.Locale;

import randomuser.pipeline.stack.ComponentStatus;
import randomuser.pipeline.stack.component.Component;

/** The two tables of the CLI: where to reach the components ({@code up}) and how they are ({@code status}). */
final class Tables {
    private Tables() {
    }

    static String endpoints(List<Component> components) {
        TextTable table = new TextTable("COMPONENT", "ADDRESS", "HOW TO USE");
        components.forEach(c -> table.row(c.name(), c.address(), c.howToUse()));
        return table.render();
    }

    static String status(List<ComponentStatus> rows) {
        TextTable table = new TextTable("COMPONENT", "STATE", "PID", "RSS", "EVIDENCE");
        long total = 0;
        for (ComponentStatus row : rows) {
            total += row.rssKiB();
            table.row(row.name(), row.up() ? "up" : "down",
                    row.pid().isPresent() ? Long.toString(row.pid().getAsLong()) : "-",
                    row.pid().isPresent() ? mebibytes(row.rssKiB()) : "-",
                    row.evidence());
        }
        table.row("total", "", "", mebibytes(total), "resident memory of the processes above and their children");
        return table.render();
    }

    static String mebibytes(long kib) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(kib / 1024.0));
    }
}
