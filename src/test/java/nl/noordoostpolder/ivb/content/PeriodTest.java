package nl.noordoostpolder.ivb.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aDayIsShownAsADay() {
        Period p = Period.parse("2023-10-31").orElseThrow();
        assertEquals(Period.Precision.DAY, p.precision());
        assertEquals(LocalDate.of(2023, 10, 31), p.start());
        assertEquals("31 oktober 2023", p.text());
        assertEquals("2023-10-31", p.machineText());
    }

    @Test
    void aMonthNeverInventsADay() {
        Period p = Period.parse("2023-12").orElseThrow();
        assertEquals(Period.Precision.MONTH, p.precision());
        assertEquals("december 2023", p.text());
        assertEquals("2023-12", p.machineText());
    }

    @Test
    void aSeasonIsShownAsWritten() {
        Period p = Period.parse(" voorjaar 2024 ").orElseThrow();
        assertEquals(Period.Precision.SEASON, p.precision());
        assertEquals("voorjaar 2024", p.text());
        assertEquals("2024", p.machineText());
        assertEquals(LocalDate.of(2024, 3, 1), p.start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-13", "2024-00", "2024-13-01", "lente 2024", "Voorjaar 2024",
            "voorjaar", "2024", "31-12-2023", "", "2024-1-5", "binnenkort", "2024-06-31"})
    void whatIsNotAPeriodIsRefused(String text) {
        assertTrue(Period.parse(text).isEmpty(), text);
    }

    @Test
    void periodsSortByTheirFirstDay() {
        List<Period> sorted = List.of("voorjaar 2024", "2023-10-31", "2023-12", "winter 2023").stream()
                .map(t -> Period.parse(t).orElseThrow()).sorted().toList();
        assertEquals(List.of("31 oktober 2023", "december 2023", "winter 2023", "voorjaar 2024"),
                sorted.stream().map(Period::text).toList());
    }
}
