package org.lowmag.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.distill.DistillationLoss;
import org.lowmag.model.Engines;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.ModelPaths;
import org.lowmag.model.Normalization;
import org.lowmag.slide.Magnification;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Provenance;

/**
 * {@code lowmag distill}: a student at a low magnification taught by a frozen high-magnification
 * teacher on unlabelled pairs of views (paper sections 3.3 and 4.4, KD and KD (AD)). Validation,
 * when the dataset has a {@code val} split, uses its labels only to pick the best student.
 */
public final class DistillJob {

    private DistillJob() {}

    /**
     * Distils (or, with {@link DistillRunConfig#resume}, resumes).
     *
     * @param c the configuration
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(DistillRunConfig c) throws IOException {
        return new RunFolder(c.out()).whileLocked(() -> runLocked(c));
    }

    private static LoopState runLocked(DistillRunConfig c) throws IOException {
        Dataset ds = Dataset.open(c.data());
        try (LowMagModel teacher = LowMagModel.load(ModelPaths.resolve(c.teacher()))) {
            freeze(teacher);
            double tMag = teacher.info().magnification();
            checkCompatible(teacher.info(), ds, c.magnification());
            List<Dataset> sets = new ArrayList<>();
            List<TissueRecord> tissues = new ArrayList<>();
            collect(ds, ds.split(c.splits().toArray(String[]::new)), tMag, c, sets, tissues);
            for (Path p : c.unlabeled()) {
                Dataset aux = Dataset.open(p);
                collect(aux, aux.tissues(), tMag, c, sets, tissues);
            }
            if (tissues.isEmpty()) {
                throw new LowMagException(
                        "no tissues to distil on in splits "
                                + c.splits()
                                + " of "
                                + c.data()
                                + " or the --unlabeled datasets");
            }
            String archName =
                    c.architecture() != null ? c.architecture() : teacher.info().architecture();
            Map<String, Object> recorded = new LinkedHashMap<>(c.toMap());
            recorded.put("architecture", archName);
            TrainingRun run =
                    TrainingRun.start(new RunFolder(c.out()), c.loop(), c.resume(), recorded);
            ModelInfo t = teacher.info();
            TissueImages tImgs = run.images(sets, tissues, tMag, t.padder());
            TissueImages unpadded = run.images(sets, tissues, c.magnification(), Padder.none());
            List<TissueRecord> val =
                    ds.split("val").stream()
                            .filter(x -> x.image(c.magnification()).isPresent())
                            .toList();
            return run.train(
                    new Plan(c, archName, teacher, ds, tissues, run, tImgs, unpadded, val));
        }
    }

    /**
     * The student's objective: the distillation loss against the frozen teacher.
     *
     * @param c the configuration
     * @param archName the student's architecture
     * @param teacher the frozen teacher
     * @param ds the dataset
     * @param tissues the tissues distilled on
     * @param run the run
     * @param tImgs the tissues at the teacher's magnification, padded as the teacher was trained
     * @param unpadded the tissues at the student's magnification, before its padding is known
     * @param val the validation tissues that have images at the student's magnification
     */
    private record Plan(
            DistillRunConfig c,
            String archName,
            LowMagModel teacher,
            Dataset ds,
            List<TissueRecord> tissues,
            TrainingRun run,
            TissueImages tImgs,
            TissueImages unpadded,
            List<TissueRecord> val)
            implements TrainingRun.Plan {

        @Override
        public LowMagModel create() {
            return createStudent(c, archName, teacher, unpadded);
        }

        @Override
        public EpochTrainer.Objective objective(LowMagModel student) {
            return new DistillObjective(
                    teacher,
                    student,
                    tImgs,
                    unpadded.withPadder(student.info().padder()),
                    new DistillationLoss(c.loss()),
                    c.augmentation(),
                    c.loop().seed(),
                    c.loop().maxBatchPixels(),
                    c.loop().checkpointActivations());
        }

        @Override
        public EpochTrainer.Validation validation(LowMagModel student) {
            return run.validator(
                    student,
                    run.images(ds, val, c.magnification(), student.info().padder()),
                    TrainJob.labels(val, ds.classIndex()),
                    ds.info().classes().size());
        }

        @Override
        public int trainCount() {
            return tissues.size();
        }

        @Override
        public void summarise(LoopState state, Map<String, Object> done) {
            done.put("tissues", tissues.size());
        }
    }

    /**
     * A warning when the epoch kept as {@code model/best} is chosen on tissues the student distils
     * on: with {@code val} among the distilled splits, the validation metric measures how well the
     * student copies the teacher on tissues it trains on, so an early epoch can score highest while
     * it generalises worse (in the fidelity study's seed 0, docs/experiments/fidelity.md section 7,
     * two KD+aux students kept epoch 1 of 15: 84.0 and 83.8% on held-out groups against 90.2 and
     * 89.2% for their last epochs; the plain-PyTorch students, under the same rule, mostly did
     * better with the epoch they kept, so neither rule is the safe default).
     *
     * @param splits the splits distilled on
     * @param loop the loop settings, whose {@link LoopConfig#select()} picks model/best
     * @param valTissues the number of validation tissues that select, read only when the other
     *     conditions hold (counting them means reading the dataset's manifest)
     * @return the warning, or empty when the selection is held out or is the last epoch
     */
    public static Optional<String> selectionWarning(
            List<String> splits, LoopConfig loop, IntSupplier valTissues) {
        if (loop.selectsLast() || !splits.contains("val")) {
            return Optional.empty();
        }
        int val = valTissues.getAsInt();
        if (val == 0) {
            return Optional.empty();
        }
        return Optional.of(
                "the student distils on split 'val', whose "
                        + val
                        + " tissues also choose model/best (--select "
                        + loop.select()
                        + "): that choice measures tissues it trains on and can keep an early"
                        + " epoch; give --select last, or leave val out of --splits to keep it"
                        + " held out");
    }

    /** Refuses a teacher/data/magnification mismatch with a clear message. */
    static void checkCompatible(ModelInfo teacher, Dataset ds, double studentMag) {
        if (!teacher.classes().equals(ds.info().classes())) {
            throw new LowMagException(
                    "teacher was trained on classes "
                            + teacher.classes()
                            + " but dataset "
                            + ds.dir()
                            + " has "
                            + ds.info().classes()
                            + ": distil on the dataset the teacher was trained on (or one with the"
                            + " same classes)");
        }
        if (!(studentMag < teacher.magnification())) {
            throw new LowMagException(
                    "student magnification "
                            + Magnification.format(studentMag)
                            + "x must be lower than the teacher's "
                            + Magnification.format(teacher.magnification())
                            + "x");
        }
        ds.requireMagnification(teacher.magnification());
        ds.requireMagnification(studentMag);
    }

    private static void collect(
            Dataset ds,
            List<TissueRecord> ts,
            double tMag,
            DistillRunConfig c,
            List<Dataset> sets,
            List<TissueRecord> tissues) {
        ds.requireMagnification(tMag);
        ds.requireMagnification(c.magnification());
        for (TissueRecord t : ts) {
            sets.add(ds);
            tissues.add(t);
        }
    }

    private static LowMagModel createStudent(
            DistillRunConfig c, String arch, LowMagModel teacher, TissueImages sImgs) {
        Normalization norm = Normalization.of(sImgs.channelStats());
        ModelInfo info =
                new ModelInfo(
                        ModelInfo.FORMAT_VERSION,
                        arch,
                        teacher.info().classes(),
                        c.magnification(),
                        norm,
                        "student",
                        c.loop().seed(),
                        c.toMap(),
                        Provenance.current().toMap());
        Engines.seed(c.loop().seed());
        return LowMagModel.create(info, c.setup().init());
    }

    private static void freeze(LowMagModel model) {
        for (Pair<String, Parameter> p : model.net().getParameters()) {
            p.getValue().freeze(true);
        }
    }
}
