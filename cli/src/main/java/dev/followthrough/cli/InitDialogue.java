package dev.followthrough.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The questions {@code init} asks at a terminal. Each shows its default in brackets (Enter takes
 * it); an answer that cannot be used is asked again with the reason. It asks for names of
 * environment variables, never for a secret itself.
 */
final class InitDialogue {
  private static final String VARIABLE = "[A-Z_][A-Z0-9_]*";
  private final Terminal terminal;
  private final PrintWriter out;
  private final Map<String, String> answers = new LinkedHashMap<>();

  InitDialogue(Terminal terminal, PrintWriter out) {
    this.terminal = terminal;
    this.out = out;
  }

  /** The answers, keyed as {@link ConfigTemplates#DEFAULTS}, plus "tracker" and "store"; a given flag is not asked. */
  Map<String, String> ask(String trackerFlag, String storeFlag) {
    String tracker = trackerFlag != null ? trackerFlag
        : ask("Tracker (jira, github or gitlab)", "tracker", "jira", a -> ConfigTemplates.tracker(a).isPresent()
            ? null : "'" + a + "' is not one of jira, github, gitlab");
    answers.put("tracker", tracker);
    switch (tracker) {
      case "jira" -> {
        String url = ask("Jira URL", "jira.url", null, InitDialogue::webAddress);
        ask("Jira deployment (cloud or datacenter)", "jira.deployment",
            URI.create(url).getHost().endsWith(".atlassian.net") ? "cloud" : "datacenter",
            a -> a.equals("cloud") || a.equals("datacenter") ? null : "'" + a + "' is neither cloud nor datacenter");
        // Jira project keys: a capital letter, then capital letters, digits or _ (Atlassian, "Project keys").
        ask("Jira project key", "jira.project", null, a -> a.matches("[A-Z][A-Z0-9_]+") ? null
            : "'" + a + "' is not a project key: capital letters, digits or _, starting with a letter, such as OPS");
        if (answers.get("jira.deployment").equals("cloud")) {
          variable("Environment variable holding the Jira account's e-mail", "jira.email");
        }
        variable("Environment variable holding the Jira API token", "jira.token");
      }
      case "github" -> {
        ask("GitHub repository (owner/name)", "github.repository", null, a -> a.matches("[\\w.-]+/[\\w.-]+") ? null
            : "'" + a + "' is not owner/name, such as acme/ops");
        variable("Environment variable holding the GitHub token", "github.token");
      }
      default -> {
        ask("GitLab URL", "gitlab.url", null, InitDialogue::webAddress);
        ask("GitLab project (group/project or numeric id)", "gitlab.project", null,
            a -> a.matches("\\d+|[\\w.-]+(/[\\w.-]+)+") ? null : "'" + a + "' is neither group/project nor a numeric id");
        variable("Environment variable holding the GitLab token", "gitlab.token");
      }
    }
    String store = storeFlag != null ? storeFlag
        : ask("Store (a directory, or a jdbc:postgresql:// URL)", "store", null, InitDialogue::store);
    answers.put("store", store);
    if (store.startsWith("jdbc:postgresql:")) {
      ask("Database user", "store.user", null, a -> a.matches("[\\w.$-]+") ? null
          : "'" + a + "' is not a user name (letters, digits, _ . $ -)");
      variable("Environment variable holding the database password", "store.password");
    }
    return answers;
  }

  private void variable(String question, String key) {
    String name = ask(question, key, null, a -> {
      String bare = bare(a);
      return bare.matches(VARIABLE) ? null : "give the name of a variable (capital letters, digits and _, such as "
          + ConfigTemplates.DEFAULTS.get(key) + "), not its value: the file holds no secret";
    });
    answers.put(key, bare(name));
  }

  /** {@code $NAME} and {@code ${NAME}} are taken as NAME. */
  private static String bare(String answer) {
    return answer.replaceFirst("^\\$\\{(.*)}$", "$1").replaceFirst("^\\$", "");
  }

  /** Asks until the answer passes {@code problem} (null when fine) and records it under {@code key}. */
  private String ask(String question, String key, String fallback, Function<String, String> problem) {
    String preset = fallback != null ? fallback : ConfigTemplates.DEFAULTS.get(key);
    while (true) {
      out.print(question + " [" + preset + "]: ");
      out.flush();
      String line = terminal.readLine();
      if (line == null) {
        out.println();
        throw new CommandFailedException("init: the input ended before '" + question + "' was answered; nothing was written",
            FollowthroughCli.BAD_INPUT);
      }
      String answer = line.strip().isEmpty() ? preset : line.strip();
      String wrong = problem.apply(answer);
      if (wrong == null) {
        answers.put(key, answer);
        return answer;
      }
      out.println("  " + wrong + "; try again.");
    }
  }

  private static String webAddress(String answer) {
    try {
      URI uri = new URI(answer);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getUserInfo() == null && uri.getQuery() == null) {
        return null;
      }
    } catch (URISyntaxException e) {
      // said below
    }
    return "'" + answer + "' is not a web address such as https://example.atlassian.net (no user or password in it)";
  }

  private static String store(String answer) {
    if (answer.startsWith("postgres://") || answer.startsWith("postgresql://")) {
      return "write a PostgreSQL store as jdbc:postgresql://host:5432/database";
    }
    if (answer.startsWith("jdbc:postgresql:")) {
      return SecretFreeConfig.problem("url: " + answer).isPresent()
          ? "the URL holds a password; leave it out, it is read from an environment variable" : null;
    }
    try {
      Path path = Path.of(answer);
      return Files.exists(path) && !Files.isDirectory(path) ? "'" + answer + "' is a file, not a directory" : null;
    } catch (java.nio.file.InvalidPathException e) {
      return "'" + answer + "' is not a directory name (" + e.getReason() + ")";
    }
  }
}
