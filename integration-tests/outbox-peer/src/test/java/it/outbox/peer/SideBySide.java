package it.outbox.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Airlock's outbox benchmark and the peer's, from one run, as one table: each measure of both and how far Airlock is
 * ahead, as a factor above 1 (a rate divided by the peer's, or the peer's cost per intent divided by Airlock's) or
 * behind, below 1.
 */
final class SideBySide {

    private record Row(String measure, String scenario, double airlock, double peer, double airlockAhead) {
    }

    private final List<Row> rows;
    private final String heading;

    private SideBySide(List<Row> rows, String heading) {
        this.rows = rows;
        this.heading = heading;
    }

    /**
     * @param airlockJson the {@code results.json} of Airlock's benchmark
     * @param peerJson the peer's results
     * @throws IllegalArgumentException when the two did not measure the same sizes
     */
    static SideBySide of(String airlockJson, String peerJson) {
        JsonObject airlock = JsonParser.parseString(airlockJson).getAsJsonObject();
        JsonObject peer = JsonParser.parseString(peerJson).getAsJsonObject();
        JsonArray airlockThroughput = airlock.getAsJsonArray("throughput");
        JsonArray peerThroughput = peer.getAsJsonArray("throughput");
        JsonArray airlockFlatness = airlock.getAsJsonArray("flatness");
        JsonArray peerFlatness = peer.getAsJsonArray("flatness");
        sameSizes(airlockThroughput, peerThroughput, "intents", "intentsPerTransaction");
        sameSizes(airlockFlatness, peerFlatness, "backlogRows", "batch");

        List<Row> rows = new ArrayList<>();
        ToDoubleBiFunction<Double, Double> faster = (a, p) -> a / p;
        for (int i = 0; i < airlockThroughput.size(); i++) {
            JsonObject a = airlockThroughput.get(i).getAsJsonObject();
            JsonObject p = peerThroughput.get(i).getAsJsonObject();
            String scenario = a.get("relays").getAsInt() + " relay(s)";
            rows.add(row("committed/s", scenario, a, p, "committedPerSecond", faster));
            rows.add(row("relayed/s", scenario, a, p, "relayedPerSecond", faster));
            rows.add(row("backlog drained/s", scenario, a, p, "drainedPerSecond", faster));
        }
        ToDoubleBiFunction<Double, Double> cheaper = (a, p) -> p / a;
        for (int i = 0; i < airlockFlatness.size(); i++) {
            JsonObject a = airlockFlatness.get(i).getAsJsonObject();
            JsonObject p = peerFlatness.get(i).getAsJsonObject();
            rows.add(row("relay µs/intent", a.get("backlog").getAsString() + " backlog", a, p, "microsPerIntent",
                    cheaper));
        }
        JsonObject sizes = airlockThroughput.get(0).getAsJsonObject();
        JsonObject drained = airlockFlatness.get(airlockFlatness.size() - 1).getAsJsonObject();
        String heading = String.format(Locale.ROOT,
                "Outbox benchmark, one run on PostgreSQL %s: Airlock and %s%n(medians; throughput: %s intents, %s per"
                        + " transaction; relay cost: a batch of %s due rows after a backlog of %s)%n"
                        + "load average: Airlock %s -> %s; %s %s -> %s%n",
                text(airlock, "postgresql"), text(peer, "peer"), sizes.get("intents"),
                sizes.get("intentsPerTransaction"), drained.get("batch"), drained.get("backlogRows"),
                load(airlock, "loadavgBefore"), load(airlock, "loadavgAfter"), text(peer, "peer"),
                load(peer, "loadavgBefore"), load(peer, "loadavgAfter"));
        return new SideBySide(rows, heading);
    }

    private static Row row(String measure, String scenario, JsonObject airlock, JsonObject peer, String field,
            ToDoubleBiFunction<Double, Double> airlockAhead) {
        double a = airlock.get(field).getAsDouble();
        double p = peer.get(field).getAsDouble();
        return new Row(measure, scenario, a, p, airlockAhead.applyAsDouble(a, p));
    }

    private static void sameSizes(JsonArray airlock, JsonArray peer, String... fields) {
        if (airlock.size() != peer.size()) {
            throw new IllegalArgumentException("Airlock's results have " + airlock.size() + " rows where the peer's have "
                    + peer.size() + ": run both benchmarks from the same bench.sh");
        }
        for (int i = 0; i < airlock.size(); i++) {
            for (String field : fields) {
                JsonElement a = airlock.get(i).getAsJsonObject().get(field);
                JsonElement p = peer.get(i).getAsJsonObject().get(field);
                if (!a.equals(p)) {
                    throw new IllegalArgumentException("Airlock measured " + field + "=" + a + " and the peer " + p
                            + ": give both the same -Dbench.* sizes (bench.sh passes its arguments to both)");
                }
            }
        }
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null ? "unknown" : value.getAsString();
    }

    /** The 1, 5 and 15 minute averages of a {@code /proc/loadavg} line. */
    private static String load(JsonObject json, String field) {
        String[] averages = text(json, field).split(" ");
        return averages.length < 3 ? averages[0] : averages[0] + " " + averages[1] + " " + averages[2];
    }

    String text() {
        StringBuilder text = new StringBuilder(heading).append('\n');
        String format = "%-18s %-16s %12s %12s %9s%n";
        text.append(String.format(Locale.ROOT, format, "measure", "case", "Airlock", "peer", "Airlock ×"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, format, row.measure, row.scenario, number(row.airlock),
                    number(row.peer), String.format(Locale.ROOT, "%.2f", row.airlockAhead)));
        }
        return text.toString();
    }

    String csv() {
        StringBuilder csv = new StringBuilder("measure,case,airlock,peer,airlock_ahead\n");
        for (Row row : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.2f%n", row.measure, row.scenario, number(row.airlock),
                    number(row.peer), row.airlockAhead));
        }
        return csv.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) >= 100 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
