package org.lowmag.eval;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The statistics and report packages stay free of the deep-learning engine and of the CLI. */
class EvalDependencyTest {

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.lowmag.eval", "org.lowmag.report");

    @Test
    void evalAndReportDoNotUseTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage("org.lowmag.eval..", "org.lowmag.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "org.lowmag.cli..")
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
}
