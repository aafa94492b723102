package org.lowmag.resample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The imaging packages (resample, tissue) never depend on the deep-learning engine or the CLI. */
class NoEngineImportsTest {

    @Test
    void imagingPackagesStayEngineFree() {
        JavaClasses classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.lowmag.resample", "org.lowmag.tissue");
        noClasses()
                .that()
                .resideInAnyPackage("org.lowmag.resample..", "org.lowmag.tissue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.djl..", "org.lowmag.cli..")
                .check(classes);
    }
}
