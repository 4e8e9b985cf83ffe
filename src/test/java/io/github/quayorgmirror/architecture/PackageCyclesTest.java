package io.github.quayorgmirror.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The controller's packages depend on each other in one direction only: each can be read without the ones above it. */
class PackageCyclesTest {

    private static final JavaClasses CONTROLLER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.quayorgmirror");

    @Test
    void packagesFormNoCycle() {
        // (**) makes quay and quay.mapping two slices; the top-level package (the wiring) is a slice of its own
        slices().matching("io.github.(**)").should().beFreeOfCycles().check(CONTROLLER);
    }
}
