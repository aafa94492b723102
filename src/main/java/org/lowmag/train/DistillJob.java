package org.lowmag.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Distils (or resumes).
     *
     * @param c the configuration
     * @param resume continue from the checkpoint
     * @return the final loop state
     * @throws IOException when files cannot be written
     */
    public static LoopState run(DistillRunConfig c, boolean resume) throws IOException {
        return new RunFolder(c.out()).whileLocked(() -> runLocked(c, resume));
    }

    private static LoopState runLocked(DistillRunConfig c, boolean resume) throws IOException {
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
            RunFolder run = new RunFolder(c.out());
            String archName =
                    c.architecture() != null ? c.architecture() : teacher.info().architecture();
            Map<String, Object> recorded = new LinkedHashMap<>(c.toMap());
            recorded.put("architecture", archName);
            boolean fromCheckpoint = run.start(resume, recorded);
            ImageCache cache = new ImageCache(c.loop().cacheBytes());
            TissueImages tImgs =
                    new TissueImages(
                            sets,
                            tissues,
                            tMag,
                            cache,
                            teacher.info().padder(),
                            c.loop().maxTissuePixels());
            TissueImages unpadded =
                    new TissueImages(
                            sets,
                            tissues,
                            c.magnification(),
                            cache,
                            Padder.none(),
                            c.loop().maxTissuePixels());
            List<TissueRecord> val =
                    ds.split("val").stream()
                            .filter(t -> t.image(c.magnification()).isPresent())
                            .toList();
            try (NDManager optState = NDManager.newBaseManager();
                    LowMagModel student =
                            fromCheckpoint
                                    ? LowMagModel.load(Checkpoint.modelDir(run.checkpoint()))
                                    : createStudent(c, archName, teacher, unpadded)) {
                TissueImages sImgs = unpadded.withPadder(student.info().padder());
                TissueImages valImgs =
                        new TissueImages(
                                ds,
                                val,
                                c.magnification(),
                                cache,
                                student.info().padder(),
                                c.loop().maxTissuePixels());
                TrainJob.enableGradients(student);
                Adam adam =
                        new Adam(
                                student.net().getParameters(),
                                (float) c.loop().weightDecay(),
                                optState);
                LoopState state =
                        fromCheckpoint
                                ? Checkpoint.restore(run.checkpoint(), adam, optState)
                                : new LoopState();
                DistillObjective objective =
                        new DistillObjective(
                                teacher,
                                student,
                                tImgs,
                                sImgs,
                                new DistillationLoss(c.loss()),
                                c.augmentation(),
                                c.loop().seed(),
                                c.loop().maxBatchPixels(),
                                c.loop().checkpointActivations());
                Validator validator =
                        new Validator(
                                student,
                                valImgs,
                                TrainJob.labels(val, ds.classIndex()),
                                ds.info().classes().size(),
                                c.loop().maxBatchPixels());
                new EpochTrainer(student, adam, run, c.loop(), tissues.size())
                        .run(state, objective, validator);
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("epochs", state.history().size());
                done.put("best_epoch", state.bestEpoch());
                done.put("tissues", tissues.size());
                run.markDone(done);
                return state;
            }
        }
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
