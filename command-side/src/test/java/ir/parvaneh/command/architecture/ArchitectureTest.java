package ir.parvaneh.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the command side's shape: it never reaches into the query side, and time comes from a Clock. */
@AnalyzeClasses(packages = "ir.parvaneh", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnTheQuerySide = noClasses()
            .that().resideInAPackage("ir.parvaneh.command..")
            .should().dependOnClassesThat().resideInAPackage("ir.parvaneh.query..");

    @ArchTest
    static final ArchRule aggregatesDoNotReadTheSystemClock = noClasses()
            .that().resideInAPackage("ir.parvaneh.command..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis");

    @ArchTest
    static final ArchRule aggregatesDoNotUseSpringOrSql = classes()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                    "org.springframework.web..", "org.jooq..", "java.sql..", "javax.sql..");
}
