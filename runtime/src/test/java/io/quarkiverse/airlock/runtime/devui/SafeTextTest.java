package io.quarkiverse.airlock.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.BlockTasks;

class SafeTextTest {

    /** An object whose toString() is the given one: returns what it returns, throws what it throws. */
    private static Object withToString(Supplier<String> toString) {
        return new Object() {
            @Override
            public String toString() {
                return toString.get();
            }
        };
    }

    @Test
    void stringsAreQuotedAndOtherValuesUseTheirToString() {
        assertThat(SafeText.value("order-7")).isEqualTo("\"order-7\"");
        assertThat(SafeText.value(42L)).isEqualTo("42");
        assertThat(SafeText.value(null)).isEqualTo("null");
        assertThat(SafeText.value(List.of(1, 2))).isEqualTo("[1, 2]");
    }

    @Test
    void markupIsKeptAsTextForThePageToShowLiterally() {
        assertThat(SafeText.value("<img src=x onerror=alert(1)>")).isEqualTo("\"<img src=x onerror=alert(1)>\"");
    }

    @Test
    void controlCharactersAreEscapedSoAValueStaysOnOneLine() {
        assertThat(SafeText.value("a\nb\tc\r\u0007")).isEqualTo("\"a\\nb\\tc\\r\\u0007\"");
    }

    @Test
    void longValuesAreCutAndSayHowLongTheyWere() {
        String rendered = SafeText.text("x".repeat(10_000));
        assertThat(rendered).startsWith("x".repeat(SafeText.LIMIT)).endsWith("… (10000 characters)");
        assertThat(rendered).hasSize(SafeText.LIMIT + "… (10000 characters)".length());
    }

    @Test
    void aHugeCharSequenceIsNotCopiedWhole() {
        CharSequence huge = new CharSequence() {
            @Override
            public int length() {
                return Integer.MAX_VALUE;
            }

            @Override
            public char charAt(int index) {
                return 'y';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return "y".repeat(end - start);
            }

            @Override
            public String toString() {
                throw new OutOfMemoryError("would not fit");
            }
        };
        assertThat(SafeText.value(huge)).isEqualTo("\"" + "y".repeat(SafeText.LIMIT) + "… (" + Integer.MAX_VALUE
                + " characters)\"");
    }

    @Test
    void aThrowingToStringIsReportedInsteadOfPropagating() {
        Object hostile = withToString(() -> {
            throw new IllegalStateException("no");
        });
        assertThat(SafeText.value(hostile)).isEqualTo("<" + hostile.getClass().getName()
                + ": toString() threw java.lang.IllegalStateException>");
    }

    @Test
    void aToStringThrowingAnErrorIsReportedToo() {
        Object asserting = withToString(() -> {
            throw new AssertionError("invariant broken");
        });
        Object unlinked = withToString(() -> {
            throw new NoClassDefFoundError("com/acme/Missing");
        });
        assertThat(SafeText.value(asserting)).isEqualTo("<" + asserting.getClass().getName()
                + ": toString() threw java.lang.AssertionError>");
        assertThat(SafeText.name(unlinked)).endsWith("toString() threw java.lang.NoClassDefFoundError>");
    }

    @Test
    void runningOutOfMemoryIsNotMistakenForABrokenValue() {
        Object tooBig = withToString(() -> {
            throw new OutOfMemoryError("no heap left");
        });
        assertThatThrownBy(() -> SafeText.value(tooBig)).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void anEndlesslyRecursiveToStringIsReportedToo() {
        Object recursive = new Object() {
            @Override
            public String toString() {
                return "again " + this;
            }
        };
        assertThat(SafeText.value(recursive)).endsWith("toString() threw java.lang.StackOverflowError>");
    }

    @Test
    void componentsWithoutTheirOwnToStringAreNamedByClass() {
        assertThat(SafeText.name(new Object())).isEqualTo("Object");
        assertThat(SafeText.name(new BlockTasks("mail"))).contains("mail");
        assertThat(SafeText.name(null)).isEqualTo("none");
    }

    @Test
    void nullToStringIsShownAsNull() {
        Object nothing = withToString(() -> null);
        assertThat(SafeText.value(nothing)).isEqualTo("null");
    }
}
