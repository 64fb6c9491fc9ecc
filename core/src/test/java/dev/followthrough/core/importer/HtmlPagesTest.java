package dev.followthrough.core.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.core.model.ActionItem;
import dev.followthrough.core.model.ItemStatus;
import dev.followthrough.core.model.Postmortem;
import dev.followthrough.core.model.Priority;
import dev.followthrough.core.model.TimelineEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML from wikis and document exports is read into the same outline as Markdown. */
class HtmlPagesTest {
  static ParseResult html(String text) {
    return PostmortemImporter.create().parse(text, "page.html");
  }

  @Test
  void aPublishedSitesNavigationSideBarAndFooterAreNotTheDocument() {
    ParseResult r = html("""
        <html><head><title>Cache outage – Team site</title></head><body>
        <nav><ul><li>Home</li><li>Runbooks</li><li>Fix the pager rota</li></ul></nav>
        <aside><p>Other incidents: disk full on the build host</p></aside>
        <main>
        <h1>Cache outage</h1>
        <nav id="TOC"><ul><li>Runbooks</li><li>Fix the pager rota</li></ul></nav>
        <p>On 2024-02-01 the cache cluster lost its primary and pages were slow for an hour.</p>
        <h2>Action items</h2>
        <ul><li>Alert on cache primary health</li></ul>
        </main>
        <footer><p>Add yourself to the on-call list</p></footer>
        </body></html>
        """);
    Postmortem p = r.postmortem();
    assertThat(p.title()).isEqualTo("Cache outage");
    assertThat(p.incident().summary()).startsWith("On 2024-02-01 the cache cluster").doesNotContain("Runbooks", "disk full");
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Alert on cache primary health");
  }

  @Test
  void confluenceStorageFormatTasksStatusesAndMentions() {
    ParseResult r = html("""
        <h1>Postmortem: Image registry outage</h1>
        <p><strong>Duration:</strong> 2025-03-04 09:00 to 2025-03-04 10:30 (UTC)</p>
        <p><strong>Status:</strong> <ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">Final</ac:parameter></ac:structured-macro></p>
        <h2>Timeline</h2>
        <ul>
        <li>09:00 UTC pulls from the registry start failing</li>
        <li>10:30 UTC registry restored, pulls work again</li>
        </ul>
        <h2>Action items</h2>
        <ac:task-list>
        <ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status>
        <ac:task-body>Restore the registry's storage quota <ac:link><ri:user ri:username="marta" /></ac:link></ac:task-body></ac:task>
        <ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status>
        <ac:task-body>Alert on registry storage use above 80% <ac:link><ri:user ri:account-id="5b10ac8d82e05b22cc7d4ef5" /></ac:link> <time datetime="2025-04-01" /> P1</ac:task-body></ac:task>
        </ac:task-list>
        <ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[- [ ] not an item]]></ac:plain-text-body></ac:structured-macro>
        """);
    Postmortem p = r.postmortem();
    assertThat(p.title()).isEqualTo("Postmortem: Image registry outage");
    assertThat(p.incident().start()).isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));
    assertThat(p.incident().end()).isEqualTo(Instant.parse("2025-03-04T10:30:00Z"));
    assertThat(p.timeline()).extracting(TimelineEntry::line).containsExactly(6, 7);
    assertThat(p.actionItems()).hasSize(2);
    ActionItem quota = p.actionItems().get(0);
    assertThat(quota.title()).isEqualTo("Restore the registry's storage quota");
    assertThat(quota.status()).isEqualTo(ItemStatus.DONE);
    assertThat(quota.owner()).isEqualTo("marta");
    assertThat(quota.line()).isEqualTo(11);
    ActionItem alert = p.actionItems().get(1);
    assertThat(alert.status()).isEqualTo(ItemStatus.OPEN);
    assertThat(alert.owner()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
    assertThat(alert.dueDate()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(alert.priority()).isEqualTo(Priority.P1);
  }

  @Test
  void confluenceHtmlExportTaskListsAndUserLinks() {
    ParseResult r = html("""
        <!DOCTYPE html>
        <html><head><title>Ops : Queue backlog review</title></head>
        <body><div id="main-content" class="wiki-content group">
        <h1 id="title-heading">Queue backlog review</h1>
        <h2 id="follow-ups">Follow-ups</h2>
        <ul class="inline-task-list" data-inline-tasks-content-id="42">
        <li class="checked" data-inline-task-id="1"><span>Raise the consumer pool to 16 workers <a href="/display/~ivo" class="confluence-userlink user-mention" data-username="ivo">Ivo Petrov</a></span></li>
        <li data-inline-task-id="2"><span>Add a dashboard panel for queue age</span></li>
        </ul>
        </div></body></html>
        """);
    assertThat(r.postmortem().title()).isEqualTo("Queue backlog review");
    assertThat(r.postmortem().actionItems()).extracting(ActionItem::title, ActionItem::status, ActionItem::owner)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Raise the consumer pool to 16 workers", ItemStatus.DONE, "ivo"),
            org.assertj.core.groups.Tuple.tuple("Add a dashboard panel for queue age", ItemStatus.OPEN, null));
  }

  @Test
  void googleDocsWebPageExportWithFlatListLevelsAndHeaderlessTables() {
    ParseResult r = html("""
        <html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c1{font-weight:700}</style></head>
        <body class="c9 doc-content"><p class="c4 title" id="h.a1"><span class="c2">Build farm outage</span></p>
        <h2 class="c5" id="h.b2"><span class="c3">Summary</span></h2>
        <p class="c0"><span class="c1">Impact:</span><span>&nbsp;about 30% of builds failed</span></p>
        <h2 class="c5" id="h.c3"><span class="c3">Action items</span></h2>
        <table class="c8"><tr class="c6"><td class="c7"><p class="c0"><span class="c1">Action</span></p></td><td class="c7"><p class="c0"><span class="c1">Owner</span></p></td><td class="c7"><p class="c0"><span class="c1">Due</span></p></td></tr>
        <tr class="c6"><td class="c7"><p class="c0"><span>Pin the runner image version</span></p></td><td class="c7"><p class="c0"><span>ana</span></p></td><td class="c7"><p class="c0"><span>2025-07-01</span></p></td></tr>
        </table>
        <h2 class="c5" id="h.d4"><span class="c3">Follow-ups</span></h2>
        <ul class="c10 lst-kix_x1y2z3-0 start"><li class="c0 li-bullet-0"><span>Capacity</span></li></ul>
        <ul class="c10 lst-kix_x1y2z3-1 start"><li class="c0 li-bullet-1"><span>Add two spare runners to the pool</span></li><li class="c0 li-bullet-1"><span>Alert when the build queue waits over ten minutes</span></li></ul>
        <ul class="c10 lst-kix_q9-0"><li class="c0 li-bullet-0"><span>&#9745; Rotate the runner tokens</span></li></ul>
        </body></html>
        """);
    Postmortem p = r.postmortem();
    assertThat(p.title()).isEqualTo("Build farm outage");
    assertThat(p.incident().impactPercent()).isEqualTo(30.0);
    assertThat(p.actionItems()).extracting(ActionItem::title)
        .contains("Pin the runner image version", "Add two spare runners to the pool",
            "Alert when the build queue waits over ten minutes", "Rotate the runner tokens");
    ActionItem pin = p.actionItems().get(0);
    assertThat(pin.owner()).isEqualTo("ana");
    assertThat(pin.dueDate()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(p.actionItems()).filteredOn(i -> i.title().equals("Rotate the runner tokens"))
        .extracting(ActionItem::status).containsExactly(ItemStatus.DONE);
  }

  @Test
  void notionExportWithToDoBlocksAndSimpleTable() {
    ParseResult r = html("""
        <html><head><title>DNS resolver incident</title></head><body><article id="a1" class="page sans">
        <header><h1 class="page-title">DNS resolver incident</h1></header>
        <div class="page-body">
        <h2 id="b1">Timeline</h2>
        <table id="t1" class="simple-table"><tbody>
        <tr id="r1"><td id="c1">Time</td><td id="c2">Event</td></tr>
        <tr id="r2"><td>2025-01-10 07:15 UTC</td><td>Lookups for internal names start failing</td></tr>
        <tr id="r3"><td>2025-01-10 07:50 UTC</td><td>Resolver configuration rolled back, lookups succeed again</td></tr>
        </tbody></table>
        <h2 id="b2">Action items</h2>
        <ul id="u1" class="to-do-list"><li><div class="checkbox checkbox-off"></div> <span class="to-do-children-unchecked">Test resolver changes in staging first</span></li></ul>
        <ul id="u2" class="to-do-list"><li><div class="checkbox checkbox-on"></div> <span class="to-do-children-checked">Roll back the resolver configuration</span></li></ul>
        </div></article></body></html>
        """);
    Postmortem p = r.postmortem();
    assertThat(p.title()).isEqualTo("DNS resolver incident");
    assertThat(p.timeline()).extracting(TimelineEntry::at)
        .containsExactly(Instant.parse("2025-01-10T07:15:00Z"), Instant.parse("2025-01-10T07:50:00Z"));
    assertThat(p.actionItems()).extracting(ActionItem::title, ActionItem::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Test resolver changes in staging first", ItemStatus.OPEN),
        org.assertj.core.groups.Tuple.tuple("Roll back the resolver configuration", ItemStatus.DONE));
  }

  @Test
  void plainHtmlPageWithLiteralMarkupCharactersAndCheckboxes(@TempDir Path dir) throws IOException {
    Path page = Files.writeString(dir.resolve("outage.htm"), """
        <html><body>
        <h1>Incident: Cache cluster failover</h1>
        <p>Incident date: 2024-11-02</p>
        <h2>Root cause</h2>
        <p># of replicas was 1 &lt;not 3&gt; in the cluster | see the config</p>
        <h2>Action items</h2>
        <ol>
          <li><input type="checkbox" checked> Raise the replica count to 3 (owner: @lee)</li>
          <li><input type="checkbox"> Page on replica loss
            <ul><li>P2</li></ul>
          </li>
        </ol>
        <pre>- [ ] not an item</pre>
        </body></html>
        """);
    ParseResult r = PostmortemImporter.create().parse(page);
    Postmortem p = r.postmortem();
    assertThat(p.incident().rootCause()).isEqualTo("# of replicas was 1 <not 3> in the cluster | see the config");
    assertThat(p.actionItems()).extracting(ActionItem::title).containsExactly("Raise the replica count to 3", "Page on replica loss");
    assertThat(p.actionItems().get(0).status()).isEqualTo(ItemStatus.DONE);
    assertThat(p.actionItems().get(0).owner()).isEqualTo("lee");
    assertThat(p.actionItems().get(0).line()).isEqualTo(8);
    assertThat(PostmortemImporter.create().documents(dir)).containsExactly(page);
  }
}
