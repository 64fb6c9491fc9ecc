package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pattern 8: an owner is a stated owner, never letters inside a word such as "Owners". */
class OwnerExtractionTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
    "Teach the Product Owners about error budgets; -",
    "Ask the owners of the billing service for a runbook; -",
    "Rotate keys owner: @dmitri; dmitri",
    "Rotate keys (owner erin); erin",
    "Rotate keys, assigned to sam@example.com; sam@example.com",
    "Rotate keys @noor; noor",
  })
  void ownerIsReadOnlyWhereStated(String text, String owner) {
    assertThat(InlineMetadata.of(text).owner()).isEqualTo(owner);
  }
}
