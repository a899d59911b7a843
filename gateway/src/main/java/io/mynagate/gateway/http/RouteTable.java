package io.mynagate.gateway.http;

import io.mynagate.gateway.config.GatewayConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Longest-prefix route matching on segment boundaries ({@code /bank} does not match {@code
 * /bankrupt}).
 */
final class RouteTable {
  private final List<GatewayConfig.Route> routes;

  RouteTable(List<GatewayConfig.Route> routes) {
    List<GatewayConfig.Route> sorted = new ArrayList<>(routes);
    sorted.sort(Comparator.comparingInt((GatewayConfig.Route r) -> r.pathPrefix().length())
        .reversed());
    this.routes = List.copyOf(sorted);
  }

  /**
   * @param normalizedPath the request path after dot-segment removal
   * @return the matching route or {@code null}
   */
  GatewayConfig.Route match(String normalizedPath) {
    for (GatewayConfig.Route route : routes) {
      String prefix = route.pathPrefix();
      if (normalizedPath.startsWith(prefix)
          && (prefix.endsWith("/") || normalizedPath.length() == prefix.length()
              || normalizedPath.charAt(prefix.length()) == '/')) {
        return route;
      }
    }
    return null;
  }
}
