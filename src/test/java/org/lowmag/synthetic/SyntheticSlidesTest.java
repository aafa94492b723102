package org.lowmag.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticSlidesTest {

    @Test
    void eachClassGetsItsSlidesAndUnlabelledSlidesHaveNoLabel() {
        List<SyntheticSlides.Spec> specs = SyntheticSlides.specs(3, 5, 7);
        assertEquals(3 * 5 + 7, specs.size());
        Map<String, Long> byLabel =
                specs.stream()
                        .collect(
                                Collectors.groupingBy(
                                        SyntheticSlides.Spec::publishedLabel,
                                        Collectors.counting()));
        assertEquals(Map.of("normal", 5L, "dysplasia", 5L, "carcinoma", 5L, "", 7L), byLabel);
        Set<TissueClass> hidden =
                specs.stream()
                        .filter(s -> !s.labelled())
                        .map(SyntheticSlides.Spec::tissueClass)
                        .collect(Collectors.toSet());
        assertEquals(3, hidden.size(), "unlabelled slides come from all classes");
    }

    @Test
    void patientsHaveOneOrTwoSlidesOfOneClass() {
        List<SyntheticSlides.Spec> specs = SyntheticSlides.specs(3, 20, 20);
        Map<String, List<SyntheticSlides.Spec>> byPatient =
                specs.stream().collect(Collectors.groupingBy(SyntheticSlides.Spec::patientId));
        boolean anyTwo = false;
        for (List<SyntheticSlides.Spec> slides : byPatient.values()) {
            assertTrue(
                    slides.size() == 1 || slides.size() == 2,
                    "slides per patient " + slides.size());
            assertEquals(
                    1, slides.stream().map(SyntheticSlides.Spec::tissueClass).distinct().count());
            assertEquals(1, slides.stream().map(SyntheticSlides.Spec::labelled).distinct().count());
            anyTwo |= slides.size() == 2;
        }
        assertTrue(anyTwo, "some patients have two slides");
        Set<String> ids = new HashSet<>();
        Set<Long> seeds = new HashSet<>();
        for (SyntheticSlides.Spec s : specs) {
            assertTrue(ids.add(s.slideId()), "duplicate id " + s.slideId());
            assertTrue(seeds.add(s.seed()), "duplicate seed");
            assertTrue(s.slideId().startsWith(s.patientId() + "-"));
        }
    }

    @Test
    void askingForMoreSlidesOnlyAddsSlides() {
        List<SyntheticSlides.Spec> few = SyntheticSlides.specs(8, 3, 2);
        List<SyntheticSlides.Spec> many = SyntheticSlides.specs(8, 6, 5);
        assertTrue(many.containsAll(few));
        assertEquals(few, SyntheticSlides.specs(8, 3, 2), "deterministic");
        assertNotEquals(few, SyntheticSlides.specs(9, 3, 2), "seed matters");
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticSlides.specs(1, -1, 0));
    }
}
