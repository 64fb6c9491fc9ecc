package dev.followthrough.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between modules, checked over everything the distribution ships: nothing outside
 * core reaches into core's {@code internal} package, and a tracker module shows only its tracker,
 * builder, settings and provider, and a store module only its settings and provider.
 */
class ModuleBoundariesTest {
  static final JavaClasses SHIPPED = new ClassFileImporter()
      // Test classes come from test-classes folders or, in a reactor build, from -tests.jar files.
      .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
      .importPackages("dev.followthrough.jira", "dev.followthrough.github", "dev.followthrough.cli",
          "dev.followthrough.guice", "dev.followthrough.tck", "dev.followthrough.postgres");

  @Test
  void nothingOutsideCoreUsesCoreInternals() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.followthrough.core.internal..")
        .check(SHIPPED);
  }

  @Test
  void trackerModulesExposeOnlyTheirEntryPoints() {
    classes().that().resideInAnyPackage("dev.followthrough.jira", "dev.followthrough.github").and().arePublic()
        .and().areTopLevelClasses()
        .should().haveSimpleNameEndingWith("Tracker").orShould().haveSimpleNameEndingWith("TrackerBuilder")
        .orShould().haveSimpleNameEndingWith("Settings").orShould().haveSimpleNameEndingWith("TrackerProvider")
        .orShould().haveSimpleNameEndingWith("Deployment")
        .check(SHIPPED);
  }

  @Test
  void storeModulesExposeOnlyTheirEntryPoints() {
    classes().that().resideInAPackage("dev.followthrough.postgres").and().arePublic().and().areTopLevelClasses()
        .should().haveSimpleNameEndingWith("Settings").orShould().haveSimpleNameEndingWith("StoreProvider")
        .check(SHIPPED);
  }
}
