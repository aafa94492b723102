package org.lowmag;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the style guide, enforced in one place: which packages never touch the
 * deep-learning engine, that PyTorch's internal calls go through {@code model.TorchOps} only, that
 * nothing imports the command line, that statistics do not import reports, that the TIFF codec sits
 * below the slide layer, and that packages form no cycles.
 */
class ArchitectureRulesTest {

    /**
     * Every package that does not use DJL at all: slide and TIFF I/O, imaging, statistics, data,
     * experiment planning and the command line (which reach the engine only through train, infer,
     * model and distill).
     */
    static final String[] ENGINE_FREE = {
        "org.lowmag.arch..",
        "org.lowmag.cli..",
        "org.lowmag.cost..",
        "org.lowmag.dataset..",
        "org.lowmag.eval..",
        "org.lowmag.experiment..",
        "org.lowmag.geojson..",
        "org.lowmag.prepare..",
        "org.lowmag.report..",
        "org.lowmag.resample..",
        "org.lowmag.serve..",
        "org.lowmag.slide..",
        "org.lowmag.synthetic..",
        "org.lowmag.tiff..",
        "org.lowmag.tissue..",
        "org.lowmag.util..",
    };

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.lowmag");

    @Test
    void engineFreePackagesNeverImportDjl() {
        noClasses()
                .that()
                .resideInAnyPackage(ENGINE_FREE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..")
                .check(CLASSES);
    }

    @Test
    void onlyTorchOpsCallsPyTorchInternals() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("org.lowmag.model.TorchOps")
                .and()
                .doNotHaveFullyQualifiedName("org.lowmag.model.TorchOps$GradMode")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ai.djl.pytorch.jni..")
                .check(CLASSES);
    }

    @Test
    void nothingImportsTheCommandLine() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.lowmag.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lowmag.cli..")
                .check(CLASSES);
    }

    @Test
    void evalDoesNotDependOnReport() {
        noClasses()
                .that()
                .resideInAPackage("org.lowmag.eval..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.lowmag.report..")
                .check(CLASSES);
    }

    @Test
    void tiffSitsBelowTheSlideLayer() {
        noClasses()
                .that()
                .resideInAPackage("org.lowmag.tiff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.lowmag.slide..", "org.lowmag.synthetic..")
                .check(CLASSES);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("org.lowmag.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * The core and {@code ./lowmag} stay free of Spark (issue 16): the Spark jobs live in the
     * separate Maven project {@code spark/}, which depends on the core, never the reverse.
     */
    @Test
    void coreNeverImportsSpark() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "scala..")
                .check(CLASSES);
    }
}
