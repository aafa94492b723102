package org.lowmag.eval;

/** Validation of label arrays shared by the confusion matrix and the bootstrap. */
final class Labels {

    private Labels() {}

    /**
     * @param classes the number of classes
     * @throws IllegalArgumentException when {@code classes < 2}
     */
    static void checkClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException(
                    "number of classes must be at least 2, got " + classes);
        }
    }

    /**
     * Checks that truth and predictions are non-empty, equally long and in {@code 0..classes-1}.
     *
     * @param truth the true labels
     * @param pred the predicted labels
     * @param classes the number of classes
     * @throws IllegalArgumentException naming the offending index and value
     */
    static void check(int[] truth, int[] pred, int classes) {
        checkClasses(classes);
        if (truth.length != pred.length) {
            throw new IllegalArgumentException(
                    "truth has "
                            + truth.length
                            + " labels but pred has "
                            + pred.length
                            + ": they must have one label per test item each");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("no test items: truth and pred are empty");
        }
        for (int i = 0; i < truth.length; i++) {
            checkLabel("truth", i, truth[i], classes);
            checkLabel("pred", i, pred[i], classes);
        }
    }

    private static void checkLabel(String name, int index, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(
                    name
                            + "["
                            + index
                            + "] = "
                            + label
                            + " is out of range: labels must be in 0.."
                            + (classes - 1));
        }
    }
}
