package org.lowmag.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which slides a synthetic data set holds: for each class, patients with one or two slides each
 * (35% have two) until the class has its number of slides; then unlabelled patients whose class
 * cycles through the three classes but is withheld. Identifiers and seeds are hashes of the data
 * set's seed, the group and the patient's index, so a slide's identity and pixels do not depend on
 * how many slides are asked for (asking for more only adds slides), and identifiers say nothing
 * about the class.
 */
public final class SyntheticSlides {

    private static final long UNLABELLED_GROUP = 100;

    /**
     * One slide of the set.
     *
     * @param slideId the slide's identifier (file name without extension)
     * @param patientId the patient's identifier
     * @param tissueClass the slide's class (also for unlabelled slides, where it is withheld)
     * @param labelled whether the label is published in {@code labels.csv}
     * @param seed the slide's seed
     */
    public record Spec(
            String slideId,
            String patientId,
            TissueClass tissueClass,
            boolean labelled,
            long seed) {

        /**
         * @return the label to publish: the class's label, or empty when withheld
         */
        public String publishedLabel() {
            return labelled ? tissueClass.label() : "";
        }
    }

    private SyntheticSlides() {}

    /**
     * The slides of a data set, sorted by slide identifier.
     *
     * @param seed the data set's seed
     * @param slidesPerClass labelled slides per class (>= 0)
     * @param unlabelled unlabelled slides (>= 0)
     * @return the slides
     */
    public static List<Spec> specs(long seed, int slidesPerClass, int unlabelled) {
        if (slidesPerClass < 0 || unlabelled < 0) {
            throw new IllegalArgumentException(
                    "slide counts must be >= 0, got " + slidesPerClass + " and " + unlabelled);
        }
        List<Spec> out = new ArrayList<>();
        Set<String> patients = new HashSet<>();
        for (TissueClass c : TissueClass.values()) {
            group(seed, c.ordinal() + 1, slidesPerClass, i -> c, true, patients, out);
        }
        TissueClass[] all = TissueClass.values();
        group(seed, UNLABELLED_GROUP, unlabelled, i -> all[i % all.length], false, patients, out);
        out.sort(Comparator.comparing(Spec::slideId));
        return out;
    }

    private interface ClassOf {
        TissueClass of(int patientIndex);
    }

    private static void group(
            long seed,
            long group,
            int slides,
            ClassOf classOf,
            boolean labelled,
            Set<String> patients,
            List<Spec> out) {
        long groupSeed = Noise.derive(seed, group);
        int made = 0;
        for (int j = 0; made < slides; j++) {
            long patientSeed = Noise.derive(groupSeed, j);
            String patient =
                    String.format(Locale.ROOT, "SYN-%08X", Noise.derive(patientSeed, 1) >>> 32);
            if (!patients.add(patient)) {
                continue;
            }
            int n = Noise.hash(patientSeed, 2, 0) < 0.35 ? 2 : 1;
            for (int s = 1; s <= n && made < slides; s++, made++) {
                long slideSeed = Noise.derive(patientSeed, 10 + s);
                out.add(new Spec(patient + "-" + s, patient, classOf.of(j), labelled, slideSeed));
            }
        }
    }
}
