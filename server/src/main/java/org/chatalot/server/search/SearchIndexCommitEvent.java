package org.chatalot.server.search;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event per commit of the search index (once a minute while messages arrive, at once after an edit or
 * delete; it writes and syncs its segment files). Costs nothing while no recording runs.
 */
@Name("org.chatalot.SearchIndexCommit")
@Label("Search index commit")
@Category({"Chatalot", "Search"})
@Description("The search index writing out and syncing what it indexed since its last commit")
@StackTrace(false)
final class SearchIndexCommitEvent extends Event {
}
