package org.lowmag;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layering of the style guide, enforced. */
class ArchitectureRulesTest {

    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.lowmag");

    @Test
    void engineFreePackagesNeverImportDjl() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.lowmag.slide..",
                        "org.lowmag.tissue..",
                        "org.lowmag.resample..",
                        "org.lowmag.eval..",
                        "org.lowmag.arch..",
                        "org.lowmag.cost..",
                        "org.lowmag.util..",
                        "org.lowmag.report..",
                        "org.lowmag.synthetic..",
                        "org.lowmag.serve..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..")
                .allowEmptyShould(true)
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
}
