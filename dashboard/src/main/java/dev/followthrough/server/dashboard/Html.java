package dev.followthrough.server.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes HTML: every stored string goes through {@link #text} (or {@link #link} for URLs), so a
 * title holding {@code <script>} shows as text. The page frame links its style and script from
 * the server itself: the Content-Security-Policy allows nothing inline and nothing from elsewhere.
 */
final class Html {
  /** The header every page is sent with: scripts, styles and requests only from this server. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final StringBuilder out = new StringBuilder(8192);

  /** Escaped text, safe in element content and in double- or single-quoted attribute values. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** One path segment of a dashboard URL. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether a stored URL may become a link: only http and https, never {@code javascript:} or {@code data:}. */
  static boolean isWebUrl(String url) {
    if (url == null) {
      return false;
    }
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://");
  }

  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(Object value) {
    out.append(esc(value));
    return this;
  }

  /** An element with escaped text content: {@code el("td", title)}. */
  Html el(String tag, Object value) {
    out.append('<').append(tag).append('>').append(esc(value)).append("</").append(tag).append('>');
    return this;
  }

  /** An element with a class and escaped text content. */
  Html el(String tag, String cssClass, Object value) {
    out.append('<').append(tag).append(" class=\"").append(esc(cssClass)).append("\">").append(esc(value))
        .append("</").append(tag).append('>');
    return this;
  }

  /** A link to a dashboard page ({@code href} already built from {@link #segment}s) with escaped text. */
  Html link(String href, Object label) {
    out.append("<a href=\"").append(esc(href)).append("\">").append(esc(label)).append("</a>");
    return this;
  }

  /** A link to a stored URL when it is a web address, else the label as text. */
  Html externalLink(String url, Object label) {
    if (isWebUrl(url)) {
      out.append("<a rel=\"noopener noreferrer\" href=\"").append(esc(url.strip())).append("\">").append(esc(label))
          .append("</a>");
    } else {
      text(label);
    }
    return this;
  }

  /** The page frame: navigation, then {@code main} (the part a live update replaces). */
  static String page(String title, long version, String query, String mainContent) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + esc(title) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">\n"
        + "<script src=\"/assets/dashboard.js\" defer></script>\n"
        + "</head>\n<body data-version=\"" + version + "\">\n"
        + "<header><nav><a class=\"brand\" href=\"/" + esc(query) + "\">Followthrough</a>"
        + "<a href=\"/" + esc(query) + "\">Overview</a>"
        + "<a href=\"/postmortems" + esc(query) + "\">Postmortems</a>"
        + "<a href=\"/api/report" + esc(query) + "\">JSON</a>"
        + "<span id=\"live\" class=\"live\" title=\"updates without a reload when the store changes\">live</span>"
        + "</nav></header>\n"
        + "<main data-version=\"" + version + "\">\n" + mainContent + "</main>\n</body>\n</html>\n";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
