package org.lowmag.experiment;

/** Which job makes a run. */
public enum RunKind {
    /** {@code lowmag train}: teacher or baseline, from He initialisation. */
    TRAIN("train"),
    /** {@code lowmag distill}: a student taught by the teacher. */
    DISTILL("distill"),
    /** {@code lowmag finetune}: a student's fully connected layer trained on labels. */
    FINETUNE("finetune");

    private final String command;

    RunKind(String command) {
        this.command = command;
    }

    /**
     * @return the command name recorded in the run's {@code config.json}
     */
    public String command() {
        return command;
    }
}
