package dev.followthrough.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.core.Followthrough;
import dev.followthrough.core.store.ActionStore;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Bind addresses that look like loopback to the check must also listen on loopback only. */
class BindAddressTest {
  @Test
  void anEmptyBindAddressWithoutATokenListensOnLoopbackOnly() throws Exception {
    Optional<InetAddress> external = NetworkInterface.networkInterfaces().filter(i -> {
      try {
        return i.isUp() && !i.isLoopback();
      } catch (java.net.SocketException e) {
        return false;
      }
    }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    Assumptions.assumeTrue(external.isPresent(), "a non-loopback address to try");
    for (String bind : List.of("", "localhost")) {
      try (Followthrough ft = Followthrough.builder().store(ActionStore.inMemory()).build();
          FollowthroughServer server = FollowthroughServer.builder(ft).bind(bind, 0).routes(List.of()).build().start()) {
        try (Socket s = new Socket()) {
          assertThatThrownBy(() -> s.connect(new InetSocketAddress(external.get(), server.port()), 2000))
              .as("bind '%s' reachable on %s", bind, external.get()).isInstanceOf(java.io.IOException.class);
        }
      }
    }
    assertThat(FollowthroughServer.isLoopback("")).isTrue();
  }
}
