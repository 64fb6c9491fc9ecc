package dev.followthrough.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncConfigTest {
  final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  @Test
  void fullEveryDefaultsToADayAndTheOverlapToTheTrackers() {
    SyncConfig sync = loader.parse("store: .followthrough\n", "f.yaml").sync();
    assertThat(sync.fullEvery()).isEqualTo(Duration.ofHours(24));
    assertThat(sync.overlap()).isNull();
  }

  @Test
  void bothAreRead() {
    SyncConfig sync = loader.parse("sync:\n  fullEvery: 6h\n  overlap: 15m\n", "f.yaml").sync();
    assertThat(sync.fullEvery()).isEqualTo(Duration.ofHours(6));
    assertThat(sync.overlap()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void badValuesAndUnknownKeysAreNamed() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> loader.parse("sync:\n  fullEvery: often\n  overlap: 0s\n  since: yesterday\n", "f.yaml"));
    assertThat(e.getMessage()).contains("f.yaml").contains("sync.fullEvery").contains("often")
        .contains("sync.overlap").contains("sync.since");
  }
}
