package nl.noordoostpolder.ivb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @Test
    void anIsoDateIsRead() {
        assertEquals(LocalDate.of(2024, 2, 29), Dates.parseStrict("2024-02-29").orElseThrow());
        assertEquals(LocalDate.of(2026, 11, 30), Dates.parseStrict(" 2026-11-30 ").orElseThrow());
    }

    /** JBake reads 2024-02-30 as 1 March and 31-12-2023 as the year 37; here they are no dates at all. */
    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "31-12-2023",
            "2024/01/15", "2024-1-15", "20240115", "gisteren", "", "2024-01-15T10:00", "+2024-01-15", "١٢٣٤-٠١-٠١"})
    void anythingElseIsNoDate(String text) {
        assertTrue(Dates.parseStrict(text).isEmpty(), text);
    }

    @Test
    void nullIsNoDate() {
        assertTrue(Dates.parseStrict(null).isEmpty());
    }

    @Test
    void datesAreShownInDutch() {
        assertEquals("30 november 2026", Dates.dutch(LocalDate.of(2026, 11, 30)));
        assertEquals("1 maart 2024", Dates.dutch(LocalDate.of(2024, 3, 1)));
    }
}
