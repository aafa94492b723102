package org.lowmag.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes with no item in a test set's truth. Their one-vs-rest F1, precision and recall are 0
 * or undefined and still count in the macro averages, so an evaluation says which they are instead
 * of letting a lower macro F1 pass for a worse model.
 */
public final class AbsentClasses {

    private AbsentClasses() {}

    /**
     * @param truth each item's true class index
     * @param classes the class names
     * @return the names of the classes no item has, in class order
     */
    public static List<String> of(int[] truth, List<String> classes) {
        boolean[] seen = new boolean[classes.size()];
        for (int t : truth) {
            seen[t] = true;
        }
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                absent.add(classes.get(c));
            }
        }
        return absent;
    }
}
