package io.quarkiverse.airlock.it.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;

/**
 * A handler whose parameters JSON alone would not bring back: generic lists and maps, exact decimals, java.time
 * values, enums and records. Shared by the tests of each transport.
 */
@Singleton
public class TypedArguments {

    public enum Size {
        SMALL,
        LARGE
    }

    public record Parcel(String label, Size size, BigDecimal weight) {
    }

    /** A value Jackson can neither write nor read: no getters, no creator. */
    public static final class Opaque {
        private final int secret;

        public Opaque(int secret) {
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "Opaque" + secret;
        }
    }

    public static final List<Long> IDS = List.of(1L, 2L, 9_007_199_254_740_993L);
    public static final List<Parcel> PARCELS = List.of(new Parcel("a", Size.SMALL, new BigDecimal("1.50")),
            new Parcel("b", Size.LARGE, new BigDecimal("12.000")));
    public static final Map<String, UUID> REFS = Map.of("order", UUID.fromString("7f3c6d1e-2b4a-4c5e-9f10-1a2b3c4d5e6f"));
    /** More digits than a double holds. */
    public static final BigDecimal AMOUNT = new BigDecimal("12345678901234567890.123456789012345678901");
    public static final Instant AT = Instant.parse("2026-12-04T10:15:30.123456789Z");
    public static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    public final List<List<Object>> received = new CopyOnWriteArrayList<>();

    @AirlockTask
    void ship(List<Long> ids, List<Parcel> parcels, Map<String, UUID> refs, BigDecimal amount, Instant at, LocalDate day,
            Size size, Parcel parcel) {
        received.add(java.util.Arrays.asList(ids, parcels, refs, amount, at, day, size, parcel));
    }

    @AirlockTask
    void keep(Object anything) {
    }

    public static void enqueueShipment() {
        Airlock.enqueue("ship", IDS, PARCELS, REFS, AMOUNT, AT, DAY, Size.LARGE, PARCELS.get(0));
    }

    /** What the handler must receive, exactly. */
    public static List<Object> expected() {
        return java.util.Arrays.asList(IDS, PARCELS, REFS, AMOUNT, AT, DAY, Size.LARGE, PARCELS.get(0));
    }
}
