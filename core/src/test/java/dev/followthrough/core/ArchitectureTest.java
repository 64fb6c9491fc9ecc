package dev.followthrough.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core knows no tracker: neither an adapter package nor a tracker client library. */
@AnalyzeClasses(packages = "dev.followthrough.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreDependsOnNoAdapter = noClasses().that().resideInAPackage("dev.followthrough.core..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.followthrough.jira..", "dev.followthrough.github..",
          "dev.followthrough.cli..");

  @ArchTest
  static final ArchRule coreDependsOnNoTrackerClient = noClasses().that().resideInAPackage("dev.followthrough.core..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kohsuke.github..", "com.atlassian..",
          "com.github.tomakehurst.wiremock..", "picocli..");

  @ArchTest
  static final ArchRule modelIsFreeOfSerialisationAndStorage = noClasses().that().resideInAPackage("dev.followthrough.core.model..")
      .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "dev.followthrough.core.store..",
          "dev.followthrough.core.internal..");
}
