package org.lowmag.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.lowmag.model.LowMagModel;
import org.lowmag.util.Progress;
import org.lowmag.util.Seeds;

/**
 * The epoch loop shared by training, distillation and fine-tuning: a seeded shuffle per epoch,
 * gradient accumulation over {@code accumulate} tissues per optimiser step, validation, best/last
 * models, checkpoints (at epoch ends and every few minutes) and early stopping.
 *
 * <p>Every random choice is derived from {@code (seed, epoch, tissue)} (see {@link Seeds}), so a
 * run resumed from any checkpoint ends with the same weights as an uninterrupted one.
 */
public final class EpochTrainer {

    /** The work of one optimiser step: forward and backward passes over some tissues. */
    @FunctionalInterface
    public interface Objective {
        /**
         * Runs forward and backward passes, with each tissue's loss multiplied by {@code scale} (1
         * / accumulate) before backward, so that gradients accumulate to the step's mean.
         *
         * @param epoch zero-based epoch
         * @param tissues indices into the training list
         * @param scale the loss factor
         * @return sums to log: at least {@code loss} (unscaled sum over the tissues)
         */
        Map<String, Double> step(int epoch, List<Integer> tissues, float scale);
    }

    /** Validation after an epoch. */
    @FunctionalInterface
    public interface Validation {
        /**
         * @return metrics named {@code val_*} (empty when there is no validation split)
         */
        Map<String, Double> validate();
    }

    private final LowMagModel model;
    private final Adam adam;
    private final RunFolder run;
    private final LoopConfig cfg;
    private final int trainCount;

    /**
     * @param model the model being trained
     * @param adam its optimiser
     * @param run the run folder
     * @param cfg the loop settings
     * @param trainCount number of training tissues
     */
    public EpochTrainer(
            LowMagModel model, Adam adam, RunFolder run, LoopConfig cfg, int trainCount) {
        if (trainCount == 0) {
            throw new IllegalArgumentException("no training tissues");
        }
        this.model = model;
        this.adam = adam;
        this.run = run;
        this.cfg = cfg;
        this.trainCount = trainCount;
    }

    /**
     * The training order of an epoch: a seeded Fisher-Yates shuffle.
     *
     * @param seed the run's seed
     * @param epoch the epoch
     * @param n number of tissues
     * @return a permutation of {@code 0..n-1}
     */
    public static int[] order(long seed, int epoch, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, 0x5f0e, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    /**
     * Runs from {@code state} to the last epoch.
     *
     * @param state where to start (fresh or restored from a checkpoint)
     * @param objective the per-step work
     * @param validation the per-epoch validation
     * @return the final state
     * @throws IOException when writing models or checkpoints fails
     */
    public LoopState run(LoopState state, Objective objective, Validation validation)
            throws IOException {
        int stepsPerEpoch = (trainCount + cfg.accumulate() - 1) / cfg.accumulate();
        while (state.epoch < cfg.epochs()) {
            if (cfg.patience() > 0
                    && !cfg.selectsLast()
                    && state.epochsWithoutImprovement >= cfg.patience()) {
                run.log(
                        "early stop: no improvement of "
                                + cfg.select()
                                + " for "
                                + cfg.patience()
                                + " epochs");
                break;
            }
            runEpoch(state, objective, validation, stepsPerEpoch);
        }
        return state;
    }

    private void runEpoch(
            LoopState state, Objective objective, Validation validation, int stepsPerEpoch)
            throws IOException {
        int epoch = state.epoch;
        int[] order = order(cfg.seed(), epoch, trainCount);
        float lr = cfg.learningRate(epoch);
        long lastCheckpoint = System.nanoTime();
        String label = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, cfg.epochs());
        try (Progress bar = new Progress(label, trainCount, "tissues")) {
            bar.step(Math.min(trainCount, (long) state.stepInEpoch * cfg.accumulate()));
            for (int s = state.stepInEpoch; s < stepsPerEpoch; s++) {
                long t0 = System.nanoTime();
                int from = s * cfg.accumulate();
                int to = Math.min(trainCount, from + cfg.accumulate());
                List<Integer> tissues = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    tissues.add(order[i]);
                }
                Map<String, Double> sums = objective.step(epoch, tissues, 1f / cfg.accumulate());
                adam.step(lr);
                sums.forEach((k, v) -> state.partial.merge(k, v, Double::sum));
                state.partial.merge("count", (double) tissues.size(), Double::sum);
                state.partial.merge("seconds", (System.nanoTime() - t0) / 1e9, Double::sum);
                state.stepInEpoch = s + 1;
                bar.step(tissues.size());
                bar.setSuffix(
                        String.format(
                                Locale.ROOT,
                                "loss %.4f",
                                state.partial.get("loss") / state.partial.get("count")));
                if (cfg.checkpointMinutes() > 0
                        && System.nanoTime() - lastCheckpoint > cfg.checkpointMinutes() * 60e9
                        && s + 1 < stepsPerEpoch) {
                    Checkpoint.save(run.checkpoint(), model, adam, state);
                    lastCheckpoint = System.nanoTime();
                }
            }
        }
        finishEpoch(state, validation, lr);
    }

    private void finishEpoch(LoopState state, Validation validation, float lr) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        double count = state.partial.getOrDefault("count", 1.0);
        double seconds = state.partial.getOrDefault("seconds", 0.0);
        row.put("epoch", state.epoch + 1);
        row.put("lr", (double) lr);
        for (Map.Entry<String, Double> e : state.partial.entrySet()) {
            if (!e.getKey().equals("count") && !e.getKey().equals("seconds")) {
                row.put("train_" + e.getKey(), e.getValue() / count);
            }
        }
        row.put("train_tissues_per_s", seconds > 0 ? count / seconds : 0.0);
        Map<String, Double> val = validation.validate();
        row.putAll(val);
        row.put("train_seconds", seconds);
        state.history.add(row);
        boolean improved = improved(state, val);
        state.epoch++;
        state.stepInEpoch = 0;
        state.partial = new LinkedHashMap<>();
        model.save(run.lastModel());
        if (improved) {
            model.save(run.bestModel());
        }
        Checkpoint.save(run.checkpoint(), model, adam, state);
        run.writeMetrics(state.history);
        run.log(summaryLine(row, improved));
        System.err.println(summaryLine(row, improved));
    }

    private boolean improved(LoopState state, Map<String, Double> val) {
        Double score = cfg.selectsLast() ? null : val.get(cfg.select());
        if (score == null) {
            state.bestEpoch = state.epoch + 1;
            return true;
        }
        boolean better =
                Double.isNaN(state.bestScore)
                        || (cfg.higherIsBetter()
                                ? score > state.bestScore
                                : score < state.bestScore);
        if (better) {
            state.bestScore = score;
            state.bestEpoch = state.epoch + 1;
            state.epochsWithoutImprovement = 0;
        } else {
            state.epochsWithoutImprovement++;
        }
        return better;
    }

    private static String summaryLine(Map<String, Object> row, boolean improved) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (sb.length() > 0) {
                sb.append("  ");
            }
            Object v = e.getValue();
            sb.append(e.getKey()).append(' ');
            sb.append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v);
        }
        return sb.append(improved ? "  (best)" : "").toString();
    }
}
