package org.lowmag.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lowmag.dataset.GroupFolds;
import org.lowmag.dataset.TissueRecord;

/**
 * The report's paragraph on {@code folds: K}: what was cross-validated and how, with each fold's
 * numbers of test, validation and training tissues.
 */
final class FoldsNote {

    private FoldsNote() {}

    /**
     * @param config the configuration (with folds)
     * @param data the data, with the fold assignment
     * @return the paragraph
     */
    static String text(ExperimentConfig config, ExperimentData data) {
        GroupFolds folds = data.folds().orElseThrow();
        int k = folds.count();
        List<TissueRecord> evaluated = data.evaluatedTissues();
        List<String> perFold = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<TissueRecord> view = data.foldView(f).tissues();
            perFold.add(
                    String.format(
                            Locale.ROOT,
                            "fold %d: %d test / %d val / %d train",
                            f,
                            count(view, "test"),
                            count(view, "val"),
                            count(view, "train")));
        }
        return String.format(
                Locale.ROOT,
                "K-fold cross-validation (%d folds by patient): each tissue predicted by the model"
                        + " that did not see it. The dataset's own train/val/test split is not"
                        + " used: its %d labelled groups (the manifest's group column, or the"
                        + " tissue when it has none; %d tissues) are assigned to %d folds,"
                        + " stratified by class, with seed %d (folds/folds.json). The runs of fold"
                        + " k (<run>-fold<k>, on the dataset view folds/fold<k>) train on the"
                        + " other folds' groups except their validation groups (one in %d of"
                        + " each class's, at least one), choose their best epoch on those, and"
                        + " are evaluated on fold k. Each result pools the %d folds' out-of-fold"
                        + " predictions (eval/<run>/predictions.csv), so every labelled tissue is"
                        + " predicted exactly once, by a model that neither trained nor validated"
                        + " on it; metrics, CIs and paired comparisons are computed over the"
                        + " pooled predictions. Unlabelled tissues keep their split. Tissues per"
                        + " fold: %s.",
                k,
                folds.foldOf().size(),
                evaluated.size(),
                k,
                folds.seed(),
                k,
                k,
                String.join("; ", perFold));
    }

    private static long count(List<TissueRecord> tissues, String split) {
        return tissues.stream().filter(t -> t.labelled() && t.split().equals(split)).count();
    }
}
