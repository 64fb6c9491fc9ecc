package dev.followthrough.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlab4j.api.AbstractApi;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;

/**
 * The REST calls the adapter makes, through gitlab4j-api's client (authentication, timeouts,
 * error answers as {@link GitLabApiException}), answered as JSON trees: gitlab4j's typed
 * {@code Issue} drops fields the adapter needs ({@code moved_to_id}, {@code _links}), and its
 * pager hides the paging headers.
 */
final class IssueRequests extends AbstractApi {
  /** GitLab's largest page (REST API docs, pagination: {@code per_page} at most 100). */
  static final int PAGE = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<[^>]*[?&]page=(\\d+)[^>]*>;\\s*rel=\"next\"");

  private int requests;

  IssueRequests(GitLabApi api) {
    super(api);
  }

  /** Requests sent so far, for the request-count figures. */
  int requests() {
    return requests;
  }

  /**
   * Every issue of a list, page after page: the next page is {@code x-next-page}, or the
   * {@code Link} header's {@code rel="next"} where a proxy dropped the custom headers; an empty
   * {@code x-next-page} ends it (REST API docs, pagination headers).
   */
  List<JsonNode> list(Map<String, String> filter, Object... path) throws GitLabApiException {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page > 0; ) {
      MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
      filter.forEach(query::putSingle);
      query.putSingle("per_page", String.valueOf(PAGE));
      query.putSingle("page", String.valueOf(page));
      requests++;
      Response response = get(Response.Status.OK, query, path);
      tree(response).forEach(all::add);
      page = nextPage(response, page);
    }
    return all;
  }

  /** One page of a list, as asked: the filter names the page. */
  List<JsonNode> page(Map<String, String> filter, Object... path) throws GitLabApiException {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    filter.forEach(query::putSingle);
    query.putSingle("per_page", String.valueOf(PAGE));
    requests++;
    List<JsonNode> page = new ArrayList<>();
    tree(get(Response.Status.OK, query, path)).forEach(page::add);
    return page;
  }

  static int nextPage(Response response, int current) {
    String next = response.getHeaderString("x-next-page");
    if (next != null) {
      return next.isBlank() ? 0 : Integer.parseInt(next.strip());
    }
    String link = response.getHeaderString("Link");
    Matcher m = link == null ? null : NEXT_LINK.matcher(link);
    return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  JsonNode get(Object... path) throws GitLabApiException {
    requests++;
    return tree(get(Response.Status.OK, null, path));
  }

  JsonNode post(Form form, Object... path) throws GitLabApiException {
    requests++;
    return tree(post(Response.Status.CREATED, form, path));
  }

  JsonNode put(Form form, Object... path) throws GitLabApiException {
    requests++;
    return tree(putWithFormData(Response.Status.OK, form, path));
  }

  /** The answer's JSON; a cut-short or non-JSON body of a success is a malformed answer. */
  private static JsonNode tree(Response response) throws GitLabApiException {
    try (InputStream in = response.readEntity(InputStream.class)) {
      return JSON.readTree(in);
    } catch (IOException | RuntimeException e) {
      throw new MalformedAnswerException(response.getStatus(), e);
    }
  }

  /** A success whose body could not be read: the request may have been carried out. */
  static final class MalformedAnswerException extends GitLabApiException {
    private static final long serialVersionUID = 1L;

    MalformedAnswerException(int status, Exception cause) {
      super("the answer (" + status + ") could not be read: " + cause.getMessage(), status);
      initCause(cause);
    }
  }
}
