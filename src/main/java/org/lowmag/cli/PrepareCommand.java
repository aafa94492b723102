package org.lowmag.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.lowmag.prepare.PrepareConfig;
import org.lowmag.prepare.PrepareJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lowmag prepare}: a dataset of whole tissues at several magnifications. */
@Command(
        name = "prepare",
        mixinStandardHelpOptions = true,
        description = {
            "Build a dataset of whole tissues at several magnifications, each resampled directly"
                    + " from the original with Lanczos-3, split by patient/group (stratified by"
                    + " label). Writes OUT/manifest.csv, OUT/dataset.json and"
                    + " OUT/tissues/<mag>x/*.png. Re-running resumes; failing inputs are reported"
                    + " and skipped (exit 1 at the end).",
            "",
            "--slides: tissue is found on each slide's overview (tissueloc's method, 'lowmag"
                    + " tissue' defaults); each piece becomes tissue SLIDE_tNN, read for each"
                    + " magnification from the coarsest pyramid level at least as fine, in strips"
                    + " (memory stays bounded for any tissue size).",
        })
final class PrepareCommand implements Callable<Integer> {

    @Mixin PrepareOptions options;

    @Override
    public Integer call() throws IOException {
        PrepareConfig cfg = options.config();
        return PrepareOptions.report(cfg, PrepareJob.run(cfg));
    }
}
