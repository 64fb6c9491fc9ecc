package dev.followthrough.core.store;

import java.nio.file.Path;

/** A separate process that holds a store directory's run lock until its standard input closes. */
public final class RunLockHolder {
  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    try (ActionStore store = ActionStore.directory(Path.of(args[0]));
        ActionStore.RunLock lock = store.tryLockRun().orElseThrow()) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // held until the parent closes our input
      }
    }
  }
}
