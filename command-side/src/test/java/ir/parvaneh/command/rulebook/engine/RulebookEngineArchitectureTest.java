package ir.parvaneh.command.rulebook.engine;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rulebook engine is a plain library: no Spring, no database, so it runs the same in any host. */
class RulebookEngineArchitectureTest {

    @Test
    void theEngineUsesNeitherSpringNorADatabase() {
        noClasses().that().resideInAnyPackage("ir.parvaneh.command.rulebook.engine..", "ir.parvaneh.command.rulebook.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "java.sql..",
                        "javax.sql..", "org.axonframework..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ir.parvaneh.command.rulebook"));
    }
}
